package de.pfd.grants.shared.partnership;

/**
 * A partnership's settings: four eyes for payouts (on unless turned off), the
 * processing-time target in days (null: never set, the installation's default applies)
 * and the retention rule of its files (null: never set, the defaults apply): grant files
 * are kept {@code retentionYears} after the end of their fund's year (default 10, "10
 * Jahre nach Ablauf des Förderjahres"), files that were never granted (withdrawn,
 * rejected, not funded) {@code unsuccessfulRetentionYears} after the end of the year they
 * ended in (default 1).
 */
public record PartnershipSettings(boolean fourEyesPayouts, Integer processingTimeTargetDays, Integer retentionYears,
		Integer unsuccessfulRetentionYears) {

	/** Years a grant file is kept after the end of its fund's year, unless set. */
	public static final int DEFAULT_RETENTION_YEARS = 10;

	/** Years a file that was never granted is kept after it ended, unless set. */
	public static final int DEFAULT_UNSUCCESSFUL_RETENTION_YEARS = 1;

	/** The bounds of both retention periods, in years. */
	public static final int MIN_RETENTION_YEARS = 1;

	public static final int MAX_RETENTION_YEARS = 30;

	/** A partnership that never changed its settings. */
	public static final PartnershipSettings DEFAULTS = new PartnershipSettings(true, null);

	/** Settings of before the retention rule: its defaults apply. */
	public PartnershipSettings(boolean fourEyesPayouts, Integer processingTimeTargetDays) {
		this(fourEyesPayouts, processingTimeTargetDays, null, null);
	}

	/** The years grant files are kept after the end of their fund's year. */
	public int effectiveRetentionYears() {
		return this.retentionYears == null ? DEFAULT_RETENTION_YEARS : this.retentionYears;
	}

	/** The years files that were never granted are kept after they ended. */
	public int effectiveUnsuccessfulRetentionYears() {
		return this.unsuccessfulRetentionYears == null ? DEFAULT_UNSUCCESSFUL_RETENTION_YEARS
				: this.unsuccessfulRetentionYears;
	}

}
