package de.pfd.grants.shared.application;

/**
 * What an applicant declares with the application (the web form asks for all of them
 * before its review page; the API takes them as they come).
 */
public enum Declaration {

	/**
	 * The project does not start before the approval unless an early start was granted.
	 */
	NO_EARLY_START,

	/**
	 * The information is complete and true; changes are reported at once (facts relevant
	 * to the subsidy, § 264 StGB).
	 */
	COMPLETE_AND_TRUE,

	/** The privacy notice was read. */
	PRIVACY_NOTICE_READ

}
