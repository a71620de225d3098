package de.pfd.grants.query.applications;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.privacy.PersonalDataCatalogue;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationNotFunded;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.GrantNoticeConfirmed;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutCertified;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.PayoutReversed;
import de.pfd.grants.shared.grant.PayoutRequested;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.grant.RefundReversed;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * Projects the application events into summaries, status history, submitted versions and
 * formal check durations. Each update of a row only applies if the event is newer than
 * the last one applied to it, and history rows are keyed by the event's sequence number:
 * replay-safe.
 */
@Component
@ProcessingGroup(ApplicationProjection.GROUP)
class ApplicationProjection {

	static final String GROUP = "applications";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	ApplicationProjection(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventHandler
	void on(ApplicationDrafted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		ApplicationContent c = event.content();
		this.jdbc.update(
				"""
						INSERT INTO application_view (application_id, partnership_id, fund_id, owner, organisation, title,
						    status, requested_amount, version, before_body, content_json, created_at, status_since, last_sequence,
						    organisation_id)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?, ?, ?, ?)
						ON CONFLICT DO NOTHING""",
				event.applicationId().value(), event.partnershipId().value(), event.fundId().value(), event.owner(),
				organisation(c), c.title(), ApplicationStatus.DRAFT.name(),
				c.requestedAmount() == null ? null : c.requestedAmount().amount(), write(c), utc(at), utc(at), sequence,
				event.organisationId() == null ? null : event.organisationId().value());
		history(event.applicationId(), sequence, ApplicationStatus.DRAFT, 0, at, actor, null);
	}

	@EventHandler
	void on(ApplicationDraftUpdated event, @SequenceNumber long sequence) {
		ApplicationContent c = event.content();
		this.jdbc.update("""
				UPDATE application_view SET organisation = ?, title = ?, requested_amount = ?, content_json = ?,
				    last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", organisation(c), c.title(),
				c.requestedAmount() == null ? null : c.requestedAmount().amount(), write(c), sequence,
				event.applicationId().value(), sequence);
	}

	/**
	 * The grant file's personal data erased: its copies here read as a replay would read
	 * them now (the applicant's texts, the withdrawal's and the recusals' reasons as
	 * "erased"); money, status and history stay.
	 */
	@EventHandler
	void on(PersonalDataErased event, @SequenceNumber long sequence) {
		String id = event.applicationId().value();
		this.jdbc
			.query("SELECT content_json FROM application_view WHERE application_id = ?", (rs, i) -> rs.getString(1), id)
			.forEach(
					content -> this.jdbc.update("UPDATE application_view SET content_json = ? WHERE application_id = ?",
							erased(content, event.subject()), id));
		this.jdbc
			.query("SELECT version, content_json FROM application_version WHERE application_id = ?",
					(rs, i) -> new Object[] { rs.getInt(1), rs.getString(2) }, id)
			.forEach(row -> this.jdbc.update(
					"UPDATE application_version SET content_json = ? WHERE application_id = ? AND version = ?",
					erased((String) row[1], event.subject()), id, row[0]));
		this.jdbc.update("""
				UPDATE application_view SET organisation = CASE WHEN organisation IS NULL THEN NULL ELSE ? END,
				    last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", PersonalData.ERASED, sequence, id, sequence);
		this.jdbc.update("""
				UPDATE application_history SET note = ?
				WHERE application_id = ? AND status = ? AND note IS NOT NULL""", PersonalData.ERASED, id,
				ApplicationStatus.WITHDRAWN.name());
		this.jdbc.update("UPDATE vote_view SET reason = ? WHERE application_id = ? AND reason IS NOT NULL",
				PersonalData.ERASED, id);
	}

	@EventHandler
	void on(ApplicationSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		ApplicationContent c = event.content();
		this.jdbc.update("""
				INSERT INTO application_version (application_id, version, submitted_at, requested_amount, content_json)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.applicationId().value(), event.version(), utc(at),
				c.requestedAmount() == null ? null : c.requestedAmount().amount(), write(c));
		this.jdbc.update("""
				UPDATE application_view SET status = ?, version = ?, submitted_at = ?, status_since = ?,
				    last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", ApplicationStatus.SUBMITTED.name(), event.version(),
				utc(at), utc(at), sequence, event.applicationId().value(), sequence);
		history(event.applicationId(), sequence, ApplicationStatus.SUBMITTED, event.version(), at, actor, null);
	}

	@EventHandler
	void on(ApplicationAccepted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		checked(event.applicationId(), event.version(), FormalCheckOutcome.ACCEPTED, at);
		status(event.applicationId(), sequence, ApplicationStatus.READY_FOR_DECISION, event.version(), at, actor,
				event.note());
	}

	@EventHandler
	void on(ApplicationReturnedForRevision event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		checked(event.applicationId(), event.version(), FormalCheckOutcome.RETURNED, at);
		status(event.applicationId(), sequence, ApplicationStatus.RETURNED_FOR_REVISION, event.version(), at, actor,
				event.note());
	}

	@EventHandler
	void on(ApplicationRejectedAsIneligible event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		checked(event.applicationId(), event.version(), FormalCheckOutcome.REJECTED, at);
		status(event.applicationId(), sequence, ApplicationStatus.REJECTED, event.version(), at, actor, event.reason());
	}

	@EventHandler
	void on(ApplicationWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		leaveWaitingList(event.applicationId(), sequence);
		// a withdrawal gives the money back
		this.jdbc.update("""
				UPDATE application_view SET funds_reserved = FALSE
				WHERE application_id = ? AND last_sequence < ?""", event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, ApplicationStatus.WITHDRAWN, currentVersion(event.applicationId()), at,
				actor, event.reason());
	}

	/**
	 * Year-end closure: the end state; an open vote ends with it, the waiting list too.
	 */
	@EventHandler
	void on(ApplicationNotFunded event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		leaveWaitingList(event.applicationId(), sequence);
		this.jdbc.update("DELETE FROM open_vote WHERE application_id = ?", event.applicationId().value());
		status(event.applicationId(), sequence, ApplicationStatus.NOT_FUNDED, currentVersion(event.applicationId()), at,
				actor, event.reason());
	}

	@EventHandler
	void on(VoteOpened event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		String id = event.applicationId().value();
		this.jdbc.update("""
				INSERT INTO open_vote (application_id, round, body_type, procedure, closes_at, version, opened_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", id, sequence, event.body().name(), event.procedure().name(),
				event.closesAt() == null ? null : utc(event.closesAt()), event.version(), utc(at));
		for (Member member : event.eligible()) {
			this.jdbc.update("""
					INSERT INTO vote_view (application_id, round, username, recused, automatic)
					VALUES (?, ?, ?, FALSE, FALSE)
					ON CONFLICT DO NOTHING""", id, sequence, member.username());
		}
		status(event.applicationId(), sequence, ApplicationStatus.IN_VOTING, event.version(), at, actor,
				event.procedure() == VoteProcedure.CIRCULAR ? "Umlaufverfahren bis / circular until " + event.closesAt()
						: "Sitzung / meeting");
	}

	@EventHandler
	void on(VoteCast event, @Timestamp Instant at) {
		this.jdbc.update("""
				UPDATE vote_view SET choice = ?, at = ?
				WHERE application_id = ? AND username = ?
				  AND round = (SELECT o.round FROM open_vote o WHERE o.application_id = ?)""", event.choice().name(),
				utc(at), event.applicationId().value(), event.username(), event.applicationId().value());
	}

	@EventHandler
	void on(MemberRecused event, @Timestamp Instant at) {
		this.jdbc.update("""
				UPDATE vote_view SET choice = NULL, recused = TRUE, automatic = ?, reason = ?, at = ?
				WHERE application_id = ? AND username = ?
				  AND round = (SELECT o.round FROM open_vote o WHERE o.application_id = ?)""", event.automatic(),
				event.reason(), utc(at), event.applicationId().value(), event.username(),
				event.applicationId().value());
	}

	@EventHandler
	void on(ApplicationDecided event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		String id = event.applicationId().value();
		Tally t = event.tally();
		this.jdbc.update(
				"""
						INSERT INTO decision_view (application_id, sequence_number, fund_id, outcome, decided_by, approved_amount,
						    conditions, note, yes_votes, no_votes, abstentions, eligible, participating, quorum_required,
						    quorum_reached, recused, version, rule_version, decided_at, starts_before_approval,
						    early_start_approved)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT DO NOTHING""",
				id, sequence, event.fundId().value(), event.outcome().name(), event.decidedBy().name(),
				event.approvedAmount() == null ? null : event.approvedAmount().amount(), event.conditions(),
				event.note(), t == null ? null : t.yes(), t == null ? null : t.no(), t == null ? null : t.abstain(),
				t == null ? null : t.eligible(), t == null ? null : t.participating(),
				t == null ? null : t.quorumRequired(), t == null ? null : t.quorumReached(),
				t == null ? null : String.join(",", t.recused()), event.version(), event.ruleVersion(),
				utc(event.decidedAt() != null ? event.decidedAt() : at), event.startsBeforeApproval(),
				event.earlyStartApproved());
		this.jdbc.update("DELETE FROM open_vote WHERE application_id = ?", id);
		this.jdbc.update("""
				UPDATE application_view SET approved_amount = ?, conditions = ?
				WHERE application_id = ? AND last_sequence < ?""",
				event.approvedAmount() == null ? null : event.approvedAmount().amount(), event.conditions(), id,
				sequence);
		String note = event.decidedBy().name() + (event.note() == null ? "" : ": " + event.note());
		status(event.applicationId(), sequence, event.resultingStatus(), event.version(), at, actor, note);
	}

	@EventHandler
	void on(ApprovedFundsReserved event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		leaveWaitingList(event.applicationId(), sequence);
		this.jdbc.update("""
				UPDATE application_view SET funds_reserved = TRUE, waitlist_order = NULL
				WHERE application_id = ? AND last_sequence < ?""", event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, ApplicationStatus.APPROVED, currentVersion(event.applicationId()), at,
				actor, "Mittel reserviert / money reserved: " + event.amount().amount().toPlainString());
	}

	/**
	 * The fund decided the order; the order of these events is the fund's, so the event's
	 * place in the store keeps it. The position shown is the rank at the time of reading.
	 */
	@EventHandler
	void on(ApprovalWaitlisted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor, TrackingToken token) {
		this.jdbc.update("""
				UPDATE application_view SET waitlist_order = ?
				WHERE application_id = ? AND last_sequence < ?""", token.position().orElse(Long.MAX_VALUE),
				event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, ApplicationStatus.WAITLISTED, currentVersion(event.applicationId()), at,
				actor, "Warteliste Platz / waiting list position " + event.position());
	}

	@EventHandler
	void on(GrantNoticeIssued event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update("""
				UPDATE application_view SET notice_reference = ?, notice_issued_at = ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.reference(), utc(at), sequence,
				event.applicationId().value(), sequence);
		history(event.applicationId(), sequence, ApplicationStatus.APPROVED, currentVersion(event.applicationId()), at,
				actor, "Zuwendungsbescheid erteilt / grant notice issued");
	}

	@EventHandler
	void on(GrantNoticeConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update("""
				UPDATE application_view SET notice_confirmed_at = ?, proof_due_on = ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", utc(at), event.proofOfUseDueOn(), sequence,
				event.applicationId().value(), sequence);
		history(event.applicationId(), sequence, ApplicationStatus.APPROVED, currentVersion(event.applicationId()), at,
				actor, "Zuwendungsbescheid bestätigt / grant notice confirmed");
	}

	@EventHandler
	void on(PayoutRequested event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		payment(event.applicationId(), sequence, "REQUEST", event.requestId(), event.amount(), event.purpose(), null,
				null, null, at, actor);
		this.jdbc.update("""
				UPDATE application_view SET requested_payouts = requested_payouts + ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.amount().amount(), sequence,
				event.applicationId().value(), sequence);
	}

	@EventHandler
	void on(PayoutCertified event, @SequenceNumber long sequence, @Timestamp Instant at) {
		this.jdbc.update("""
				INSERT INTO pending_payout (application_id, payout_id, sequence_number, amount, paid_on, reference,
				    certified_by, certified_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.applicationId().value(), event.payoutId(), sequence,
				event.amount().amount(), event.paidOn(), event.reference(), event.certifiedBy(), utc(at));
	}

	@EventHandler
	void on(PayoutRecorded event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		// released: no longer waiting for the second pair of eyes
		this.jdbc.update("DELETE FROM pending_payout WHERE application_id = ? AND payout_id = ?",
				event.applicationId().value(), event.payoutId());
		payment(event.applicationId(), sequence, "PAYOUT", event.payoutId(), event.amount(), null, event.paidOn(),
				event.reference(), event.spendBy(), at, actor);
		this.jdbc.update("""
				UPDATE application_view SET paid_amount = paid_amount + ?, spend_by = ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.amount().amount(), event.spendBy(), sequence,
				event.applicationId().value(), sequence);
	}

	@EventHandler
	void on(ProofOfUseSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update("""
				UPDATE application_view SET proof_json = ?, proof_submitted_at = ?
				WHERE application_id = ? AND last_sequence < ?""", writeProof(event), utc(at),
				event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, ApplicationStatus.PROOF_OF_USE_SUBMITTED,
				currentVersion(event.applicationId()), at, actor,
				"Kosten / costs " + event.totalCosts().amount().toPlainString() + ", Einnahmen / income "
						+ event.totalIncome().amount().toPlainString());
	}

	@EventHandler
	void on(ProofOfUseReturned event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		status(event.applicationId(), sequence, ApplicationStatus.APPROVED, currentVersion(event.applicationId()), at,
				actor, "Verwendungsnachweis zurückgegeben / proof of use returned: " + event.note());
	}

	@EventHandler
	void on(ProofOfUseAccepted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update(
				"""
						UPDATE application_view SET eligible_amount = ?, final_grant = ?, refund_claim = ?, refund_claimed_at = ?
						WHERE application_id = ? AND last_sequence < ?""",
				event.eligibleAmount().amount(), event.finalGrant().amount(),
				event.refundDue().isPositive() ? event.refundDue().amount() : null,
				event.refundDue().isPositive() ? utc(at) : null, event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, event.resultingStatus(), currentVersion(event.applicationId()), at,
				actor, "Zuwendung / final grant " + event.finalGrant().amount().toPlainString()
						+ (event.note() == null ? "" : ": " + event.note()));
	}

	@EventHandler
	void on(ProofOfUseReviewCorrected event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		boolean claim = event.refundDue().isPositive();
		this.jdbc.update("""
				UPDATE application_view SET eligible_amount = ?, final_grant = ?, refund_claim = ?,
				    refund_claimed_at = CASE WHEN ? THEN COALESCE(refund_claimed_at, ?) ELSE NULL END
				WHERE application_id = ? AND last_sequence < ?""", event.eligibleAmount().amount(),
				event.finalGrant().amount(), claim ? event.refundDue().amount() : null, claim, utc(at),
				event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, event.resultingStatus(), currentVersion(event.applicationId()), at,
				actor, "Prüfung korrigiert / review corrected: Zuwendung / final grant "
						+ event.finalGrant().amount().toPlainString() + ": " + event.reason());
	}

	@EventHandler
	void on(GrantCancelled event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		boolean claim = event.refundDue().isPositive();
		// the reservation is gone: unpaid money went back, paid money is claimed back
		this.jdbc.update("""
				UPDATE application_view SET funds_reserved = FALSE, refund_claim = ?,
				    refund_claimed_at = CASE WHEN ? THEN ? ELSE NULL END
				WHERE application_id = ? AND last_sequence < ?""", claim ? event.refundDue().amount() : null, claim,
				utc(at), event.applicationId().value(), sequence);
		status(event.applicationId(), sequence, ApplicationStatus.CANCELLED, currentVersion(event.applicationId()), at,
				actor, "Abbruch / cancelled: " + event.reason());
	}

	@EventHandler
	void on(RefundRecorded event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		payment(event.applicationId(), sequence, "REFUND", event.refundId(), event.amount(), null, event.receivedOn(),
				event.reference(), null, at, actor);
		this.jdbc.update("""
				UPDATE application_view SET refunded_amount = refunded_amount + ?, last_refund_on = ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.amount().amount(), event.receivedOn(),
				sequence, event.applicationId().value(), sequence);
	}

	@EventHandler
	void on(PayoutReversed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		reversal(event.applicationId(), sequence, "PAYOUT_REVERSAL", event.reversalId(), event.amount(),
				event.payoutId(), event.reason(), at, actor);
		this.jdbc.update("""
				UPDATE application_view SET paid_amount = paid_amount - ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.amount().amount(), sequence,
				event.applicationId().value(), sequence);
	}

	@EventHandler
	void on(RefundReversed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		reversal(event.applicationId(), sequence, "REFUND_REVERSAL", event.reversalId(), event.amount(),
				event.refundId(), event.reason(), at, actor);
		this.jdbc.update("""
				UPDATE application_view SET refunded_amount = refunded_amount - ?, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", event.amount().amount(), sequence,
				event.applicationId().value(), sequence);
	}

	/** A compensating booking: negative, naming the original and the reason. */
	private void reversal(ApplicationId id, long sequence, String kind, String reversalId, Money amount,
			String original, String reason, Instant at, String actor) {
		this.jdbc.update("""
				INSERT INTO grant_payment (application_id, sequence_number, kind, payment_id, amount, occurred_at,
				    actor, reverses_id, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", id.value(), sequence, kind, reversalId, amount.negate().amount(), utc(at),
				actor, original, reason);
	}

	@EventHandler
	void on(GrantSettled event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		status(event.applicationId(), sequence, ApplicationStatus.SETTLED, currentVersion(event.applicationId()), at,
				actor, "abgerechnet / settled: " + event.finalGrant().amount().toPlainString());
	}

	@EventHandler
	void on(ProofOfUseOverdue event, @SequenceNumber long sequence) {
		this.jdbc.update("""
				UPDATE application_view SET proof_overdue = TRUE, last_sequence = ?
				WHERE application_id = ? AND last_sequence < ?""", sequence, event.applicationId().value(), sequence);
	}

	private void payment(ApplicationId id, long sequence, String kind, String paymentId, Money amount, String purpose,
			LocalDate date, String reference, LocalDate spendBy, Instant at, String actor) {
		this.jdbc.update("""
				INSERT INTO grant_payment (application_id, sequence_number, kind, payment_id, amount, purpose, paid_on,
				    reference, spend_by, occurred_at, actor)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", id.value(), sequence, kind, paymentId, amount.amount(), purpose, date,
				reference, spendBy, utc(at), actor);
	}

	private String writeProof(ProofOfUseSubmitted event) {
		try {
			return this.json.writeValueAsString(new ApplicationQueries.StoredProof(event.report(), event.receipts()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write proof of use", ex);
		}
	}

	/** An application leaves the waiting list: those behind it move up by themselves. */
	private void leaveWaitingList(ApplicationId id, long sequence) {
		this.jdbc.update("""
				UPDATE application_view SET waitlist_order = NULL WHERE application_id = ? AND last_sequence < ?""",
				id.value(), sequence);
	}

	private int currentVersion(ApplicationId id) {
		return this.jdbc
			.query("SELECT version FROM application_view WHERE application_id = ?", (rs, i) -> rs.getInt(1), id.value())
			.stream()
			.findFirst()
			.orElse(0);
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM pending_payout");
		this.jdbc.update("DELETE FROM grant_payment");
		this.jdbc.update("DELETE FROM decision_view");
		this.jdbc.update("DELETE FROM vote_view");
		this.jdbc.update("DELETE FROM open_vote");
		this.jdbc.update("DELETE FROM formal_check");
		this.jdbc.update("DELETE FROM application_version");
		this.jdbc.update("DELETE FROM application_history");
		this.jdbc.update("DELETE FROM application_view");
	}

	private void status(ApplicationId id, long sequence, ApplicationStatus status, int version, Instant at,
			String actor, String note) {
		this.jdbc.update("""
				UPDATE application_view SET status = ?, status_since = ?, last_sequence = ?,
				    before_body = (before_body OR ?)
				WHERE application_id = ? AND last_sequence < ?""", status.name(), utc(at), sequence,
				status == ApplicationStatus.READY_FOR_DECISION, id.value(), sequence);
		history(id, sequence, status, version, at, actor, note);
	}

	/**
	 * Time from the version's submission to the check outcome, for the processing-time
	 * figures.
	 */
	private void checked(ApplicationId id, int version, FormalCheckOutcome outcome, Instant at) {
		this.jdbc.update("""
				INSERT INTO formal_check (application_id, version, fund_id, submitted_at, checked_at, outcome)
				SELECT v.application_id, v.version, a.fund_id, v.submitted_at, ?, ?
				FROM application_version v JOIN application_view a ON a.application_id = v.application_id
				WHERE v.application_id = ? AND v.version = ?
				ON CONFLICT DO NOTHING""", utc(at), outcome.name(), id.value(), version);
	}

	private void history(ApplicationId id, long sequence, ApplicationStatus status, int version, Instant at,
			String actor, String note) {
		this.jdbc.update(
				"""
						INSERT INTO application_history (application_id, sequence_number, status, version, occurred_at, actor, note)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT DO NOTHING""",
				id.value(), sequence, status.name(), version, utc(at), actor, note);
	}

	private String write(ApplicationContent content) {
		try {
			return this.json.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write application content", ex);
		}
	}

	private String erased(String content, String subject) {
		try {
			return write(PersonalDataCatalogue.erased(this.json.readValue(content, ApplicationContent.class), subject,
					subject));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot read application content", ex);
		}
	}

	private static String organisation(ApplicationContent c) {
		return c.applicant() == null ? null : c.applicant().organisation();
	}

}
