package de.pfd.grants.server;

import java.time.Year;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API tests share one Spring context (one database) and a partnership can hold one
 * fund of a type per year: every test that opens a fund takes a year of its own from
 * here, for the fund type it opens ({@link #next(String)}: the action fund's and the
 * youth fund's years are counted apart) or for both ({@link #next()}). 2016, 2019, 2095
 * and 2096 are left to the demo data and to tests that need a fixed year, 2017 and 2018
 * to tests that need a past year ({@link #inThePast(String)}). Years are handed out from
 * 2015 upwards; years that must lie in the future from 2100 downwards, so that neither
 * wastes the other's.
 */
public final class TestYears {

	private static final int FIRST = 2015;

	private static final int LAST = 2100;

	private static final List<String> TYPES = List.of("ACTION_FUND", "YOUTH_FUND");

	/**
	 * Taken by the demo data (2019) and by tests with a fixed year (ProofOfUseApiTest
	 * 2016, ApprovalsUnderConcurrencyTest 2095, BackupAndRestoreTest 2096).
	 */
	private static final Set<Integer> FIXED = Set.of(2016, 2019, 2095, 2096);

	/**
	 * Kept for {@link #inThePast(String)}: the other methods hand out years from 2015 up,
	 * and with many tests those reach this year and beyond.
	 */
	private static final List<Integer> PAST = List.of(2017, 2018);

	/**
	 * The years taken, per test context (each has a database of its own) and fund type.
	 */
	private static final Map<Object, Map<String, Set<Integer>>> CONTEXTS = new HashMap<>();

	private static Map<String, Set<Integer>> TAKEN = new HashMap<>();

	private TestYears() {
	}

	/**
	 * The test context whose database the next years are for (set before each API test by
	 * {@link ApiTestSupport}): each context holds funds of its own, so each has all the
	 * years.
	 */
	static synchronized void forContext(Object context) {
		TAKEN = CONTEXTS.computeIfAbsent(context, c -> new HashMap<>());
	}

	/**
	 * A year of its own for both fund types whose projects (May to September) and proofs
	 * of use (six weeks later) all lie in the future: nothing of it can be overdue today.
	 */
	public static synchronized int nextInTheFuture() {
		for (int year = LAST; year > Year.now().getValue(); year--) {
			if (free(year, TYPES)) {
				return take(year, TYPES);
			}
		}
		throw new IllegalStateException("the tests ran out of years in the future");
	}

	/**
	 * A year of its own for a fund of the type that lies before this one: its projects
	 * (May to September) are over and their proofs of use (six weeks later) overdue
	 * today. {@link #next(String)} gives no such promise once the past years are taken.
	 */
	public static synchronized int inThePast(String fundType) {
		for (int year : PAST) {
			if (TAKEN.computeIfAbsent(fundType, type -> new HashSet<>()).add(year)) {
				return year;
			}
		}
		throw new IllegalStateException("the tests ran out of years in the past");
	}

	/** A year of its own for both fund types. */
	public static synchronized int next() {
		return lowest(TYPES);
	}

	/**
	 * A year of its own for a fund of the type ({@code ACTION_FUND}, {@code YOUTH_FUND}).
	 */
	public static synchronized int next(String fundType) {
		if (!TYPES.contains(fundType)) {
			throw new IllegalArgumentException(fundType);
		}
		return lowest(List.of(fundType));
	}

	private static int lowest(List<String> types) {
		for (int year = FIRST; year <= LAST; year++) {
			if (free(year, types)) {
				return take(year, types);
			}
		}
		throw new IllegalStateException("the tests ran out of fund years");
	}

	private static boolean free(int year, List<String> types) {
		return !FIXED.contains(year) && !PAST.contains(year)
				&& types.stream().noneMatch(type -> TAKEN.getOrDefault(type, Set.of()).contains(year));
	}

	private static int take(int year, List<String> types) {
		types.forEach(type -> TAKEN.computeIfAbsent(type, t -> new HashSet<>()).add(year));
		return year;
	}

}
