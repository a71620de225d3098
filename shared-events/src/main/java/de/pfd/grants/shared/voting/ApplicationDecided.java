package de.pfd.grants.shared.voting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * The decision on an application, by its body's vote (with the tally and the rule version
 * used) or by the lead office on the fast track (tally null). {@code version}: the
 * application version decided on.
 */
@Revision("1")
public record ApplicationDecided(ApplicationId applicationId, FundId fundId, DecisionOutcome outcome,
		DecidedBy decidedBy, Money approvedAmount, String conditions, String note, Tally tally, int version,
		int ruleVersion, Instant decidedAt, Boolean startsBeforeApproval, Boolean earlyStartApproved, Integer round) {

	/**
	 * {@code decidedAt}: when the decision counts, if not when it was recorded: a
	 * circular vote closed late (no node ran at its deadline) is dated at its deadline.
	 * Null in events recorded before the field existed and for decisions taken when
	 * recorded. {@code startsBeforeApproval}: an approval of a project that starts before
	 * the day of the approval; {@code earlyStartApproved}: whether that early start
	 * (vorzeitiger Maßnahmebeginn) was approved with it. Both null when nothing is
	 * approved and in events recorded before the fields existed.
	 */
	@JsonCreator
	public ApplicationDecided {
	}

	/**
	 * A decision outside call rounds; {@code round} (above) is the call round of an
	 * approved application, null otherwise and in events stored before rounds existed.
	 */
	public ApplicationDecided(ApplicationId applicationId, FundId fundId, DecisionOutcome outcome, DecidedBy decidedBy,
			Money approvedAmount, String conditions, String note, Tally tally, int version, int ruleVersion,
			Instant decidedAt, Boolean startsBeforeApproval, Boolean earlyStartApproved) {
		this(applicationId, fundId, outcome, decidedBy, approvedAmount, conditions, note, tally, version, ruleVersion,
				decidedAt, startsBeforeApproval, earlyStartApproved, null);
	}

	/** A decision dated {@code decidedAt} that approves no early start. */
	public ApplicationDecided(ApplicationId applicationId, FundId fundId, DecisionOutcome outcome, DecidedBy decidedBy,
			Money approvedAmount, String conditions, String note, Tally tally, int version, int ruleVersion,
			Instant decidedAt) {
		this(applicationId, fundId, outcome, decidedBy, approvedAmount, conditions, note, tally, version, ruleVersion,
				decidedAt, null, null, null);
	}

	/** A decision that counts from the moment it is recorded. */
	public ApplicationDecided(ApplicationId applicationId, FundId fundId, DecisionOutcome outcome, DecidedBy decidedBy,
			Money approvedAmount, String conditions, String note, Tally tally, int version, int ruleVersion) {
		this(applicationId, fundId, outcome, decidedBy, approvedAmount, conditions, note, tally, version, ruleVersion,
				null, null, null, null);
	}

	/**
	 * Where the application stands after this decision: the one mapping of outcome to
	 * status, for the aggregate and the read models alike.
	 */
	public ApplicationStatus resultingStatus() {
		return switch (this.outcome) {
			case APPROVED -> ApplicationStatus.APPROVED;
			case REJECTED -> ApplicationStatus.REJECTED;
			case RETURNED -> ApplicationStatus.RETURNED_FOR_REVISION;
			case NO_DECISION -> ApplicationStatus.NO_DECISION;
		};
	}

	public enum DecidedBy {

		STEERING_BOARD, YOUTH_FORUM, LEAD_OFFICE

	}

}
