package de.pfd.grants.shared.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days of a partnership: project dates, approval days, value dates and periods are
 * days in Germany. The one place that says which zone that is.
 */
public final class PartnershipCalendar {

	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private PartnershipCalendar() {
	}

	/** The day this instant falls on in the partnership's zone. */
	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/** The first instant of the day. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

}
