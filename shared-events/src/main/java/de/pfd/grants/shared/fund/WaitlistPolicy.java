package de.pfd.grants.shared.fund;

/**
 * How a fund serves its waiting list (a versioned fund setting, docs/domain.md).
 */
public enum WaitlistPolicy {

	/** First come, first served: nobody overtakes the waiting list (the default). */
	STRICT_ORDER,

	/**
	 * The first approval in line that the available money covers is funded, also before a
	 * larger one ahead of it that it does not cover; a new approval that fits is funded
	 * even while larger ones wait.
	 */
	FIRST_THAT_FITS;

	/** The policy of a fund that never set one. */
	public static final WaitlistPolicy DEFAULT = STRICT_ORDER;

}
