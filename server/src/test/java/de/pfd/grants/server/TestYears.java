package de.pfd.grants.server;

import java.time.Year;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API tests share one Spring context (one database) and a partnership can hold one
 * fund of a type per year: every test that opens a fund takes a year of its own from
 * here. 2015–2019 and 2095–2100 are left to the demo data and to tests that need a fixed
 * year.
 */
public final class TestYears {

	private static final AtomicInteger NEXT = new AtomicInteger(2020);

	private static final int LAST = 2094;

	private TestYears() {
	}

	/**
	 * A year of its own whose projects (May to September) and proofs of use (six weeks
	 * later) all lie in the future: nothing of it can be overdue today.
	 */
	public static int nextInTheFuture() {
		int year = next();
		while (year <= Year.now().getValue()) {
			year = next();
		}
		return year;
	}

	public static int next() {
		int year = NEXT.getAndIncrement();
		if (year > LAST) {
			throw new IllegalStateException("the tests ran out of fund years");
		}
		return year;
	}

}
