package de.pfd.grants.server;

import java.time.Year;
import java.util.Set;

/**
 * The API tests share one Spring context (one database) and a partnership can hold one
 * fund of a type per year: every test that opens a fund takes a year of its own from
 * here. 2016, 2019, 2095 and 2096 are left to the demo data and to tests that need a
 * fixed year. Years are handed out from 2015 upwards; years that must lie in the future
 * from 2100 downwards, so that neither wastes the other's.
 */
public final class TestYears {

	private static final int FIRST = 2015;

	private static final int LAST = 2100;

	/**
	 * Taken by the demo data (2019) and by tests with a fixed year (ProofOfUseApiTest
	 * 2016, ApprovalsUnderConcurrencyTest 2095, BackupAndRestoreTest 2096).
	 */
	private static final Set<Integer> FIXED = Set.of(2016, 2019, 2095, 2096);

	private static int low = FIRST;

	private static int high = LAST;

	private TestYears() {
	}

	/**
	 * A year of its own whose projects (May to September) and proofs of use (six weeks
	 * later) all lie in the future: nothing of it can be overdue today.
	 */
	public static synchronized int nextInTheFuture() {
		while (FIXED.contains(high)) {
			high--;
		}
		int year = take(high);
		if (year <= Year.now().getValue()) {
			throw new IllegalStateException("the tests ran out of years in the future");
		}
		high--;
		return year;
	}

	public static synchronized int next() {
		while (FIXED.contains(low)) {
			low++;
		}
		int year = take(low);
		low++;
		return year;
	}

	private static int take(int year) {
		if (low > high) {
			throw new IllegalStateException("the tests ran out of fund years");
		}
		return year;
	}

}
