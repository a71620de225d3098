package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;

/**
 * The application's fund was closed at year end while it was still waiting (submitted,
 * returned for revision, ready for decision, in voting, without decision or on the
 * waiting list): its end state. Recorded by the system, caused by the fund's closure.
 */
@Revision("1")
public record ApplicationNotFunded(ApplicationId applicationId, FundId fundId, ApplicationStatus previousStatus,
		String reason) {

	/** The reason recorded at year-end closure. */
	public static final String FUND_CLOSED = "Fonds geschlossen / fund closed";

}
