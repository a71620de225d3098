package de.pfd.grants.command.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.command.common.Checks;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.document.Attachments;
import de.pfd.grants.command.fund.FundLedger;
import de.pfd.grants.command.fund.FundTerms;
import de.pfd.grants.command.grant.Grant;
import de.pfd.grants.command.organisation.Organisations;
import de.pfd.grants.command.voting.Ballot;
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
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseReturned;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.grant.ProofOfUseSubmitted;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.privacy.ErasePersonalDataCommand;
import de.pfd.grants.shared.privacy.PersonalDataErased;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.VoteOpened;

/**
 * An application for money from one fund, from the first draft on: the root of three
 * parts (and of its {@link Attachments}, the documents). The root holds the content, the
 * status and the drafting, submission, formal check and withdrawal; the {@link Ballot}
 * decides it (vote or fast track); the {@link Grant} holds the money after the approval
 * (notice, payouts, proof of use, settlement, refunds). Only its owner (the applicant who
 * drafted it) may change, submit or withdraw it; to anybody else it does not exist.
 */
@Aggregate
public class Application {

	/** The longest reason for an erasure. */
	public static final int MAX_ERASURE_REASON = 500;

	@AggregateIdentifier
	private ApplicationId applicationId;

	private PartnershipId partnershipId;

	private FundId fundId;

	private String owner;

	private OrganisationId organisationId;

	private ApplicationStatus status;

	private ApplicationContent content;

	/** Number of submitted versions so far. */
	private int version;

	/** The fund's call round of the last submitted version; null without rounds. */
	private Integer round;

	/** Whether the grant file's personal data were erased (its key is gone). */
	private boolean personalDataErased;

	@AggregateMember
	private Ballot ballot;

	@AggregateMember
	private Grant grant;

	@AggregateMember
	private Attachments attachments;

	protected Application() {
	}

	@CommandHandler
	public Application(CreateApplicationCommand command, FundLedger funds, Organisations organisations) {
		FundTerms fund = funds.terms(command.fundId());
		if (!fund.partnershipId().equals(command.partnershipId())) {
			// another partnership's fund is not revealed as existing
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "Unbekannter Fonds / unknown fund", "fundId");
		}
		if (command.organisationId() != null) {
			// another partnership's organisation is not revealed as existing either
			Checks.check(
					organisations.find(command.organisationId())
						.filter(known -> known.partnershipId().equals(command.partnershipId()))
						.isPresent(),
					ErrorCode.INVALID_INPUT, "Unbekannte Organisation / unknown organisation", "organisationId");
		}
		requireOpen(fund);
		ApplicationRules.refuseIfAny(ErrorCode.INVALID_INPUT, ApplicationRules.draftProblems(command.content(), fund));
		apply(new ApplicationDrafted(command.applicationId(), command.partnershipId(), command.fundId(),
				command.owner(), command.content(), command.organisationId()));
	}

	@CommandHandler
	public void handle(UpdateApplicationCommand command, FundLedger funds) {
		requireOwner(command.requestedBy());
		refuseIfErased();
		if (!this.status.isEditable()) {
			throw wrongStatus("changed");
		}
		ApplicationRules.refuseIfAny(ErrorCode.INVALID_INPUT,
				ApplicationRules.draftProblems(command.content(), terms(funds)));
		apply(new ApplicationDraftUpdated(this.applicationId, command.content()));
	}

	@CommandHandler
	public void handle(SubmitApplicationCommand command, FundLedger funds) {
		requireOwner(command.requestedBy());
		if (this.status == ApplicationStatus.SUBMITTED) {
			// a double click or a retried request: already done, nothing new
			return;
		}
		refuseIfErased();
		if (!this.status.isEditable()) {
			throw wrongStatus("submitted");
		}
		FundTerms fund = terms(funds);
		requireOpen(fund);
		ApplicationRules.refuseIfAny(ErrorCode.SUBMISSION_INVALID,
				ApplicationRules.submissionProblems(this.content, fund));
		// the call round it is submitted in (none for a fund without rounds)
		Integer round = fund.roundOf(PartnershipCalendar.dayOf(GenericEventMessage.clock.instant()));
		apply(new ApplicationSubmitted(this.applicationId, this.fundId, this.version + 1, this.content, round));
	}

	@CommandHandler
	public void handle(PerformFormalCheckCommand command) {
		if (this.status != ApplicationStatus.SUBMITTED) {
			throw wrongStatus("checked");
		}
		String note = Checks.optionalText(command.note());
		switch (command.outcome()) {
			case ACCEPTED -> apply(new ApplicationAccepted(this.applicationId, this.version, note));
			case RETURNED -> apply(new ApplicationReturnedForRevision(this.applicationId, this.version,
					Checks.requiredText(note, "returning an application needs a note on what to revise", "note")));
			case REJECTED -> apply(new ApplicationRejectedAsIneligible(this.applicationId, this.version,
					Checks.requiredText(note, "rejecting an application needs a reason", "note")));
		}
	}

	@CommandHandler
	public void handle(WithdrawApplicationCommand command) {
		requireOwner(command.requestedBy());
		if (!this.status.mayBeWithdrawn()) {
			throw wrongStatus("withdrawn");
		}
		if (this.grant.hasPayouts()) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"Ein Antrag kann nur vor der ersten Auszahlung zurückgezogen werden / an application can be withdrawn only before its first payout");
		}
		apply(new ApplicationWithdrawn(this.applicationId, this.fundId, this.status,
				Checks.optionalText(command.reason())));
	}

	/**
	 * A file whose personal data were erased is closed to its applicant: its texts read
	 * as erased, so a change or a submission would file an application under nobody's
	 * name.
	 */
	private void refuseIfErased() {
		if (this.personalDataErased) {
			throw new RuleViolationException(ErrorCode.ALREADY_ERASED,
					"Die personenbezogenen Daten dieses Antrags wurden gelöscht; er kann nicht mehr geändert oder eingereicht werden / the personal data of this application were erased; it can no longer be changed or submitted");
		}
	}

	/**
	 * Erases the grant file's personal data (Art. 17 GDPR) once: the event names the
	 * subject whose key is deleted with it; money, decisions and every event stay.
	 */
	@CommandHandler
	public void handle(ErasePersonalDataCommand command) {
		if (this.personalDataErased) {
			throw new RuleViolationException(ErrorCode.ALREADY_ERASED,
					"Die personenbezogenen Daten dieses Antrags sind bereits gelöscht / the personal data of this application were erased already");
		}
		String reason = Checks.requiredText(command.reason(),
				"Bitte geben Sie einen Grund für die Löschung an / an erasure needs a reason", "reason");
		Checks
			.check(reason.length() <= MAX_ERASURE_REASON, ErrorCode.INVALID_INPUT,
					"Der Grund darf höchstens " + MAX_ERASURE_REASON
							+ " Zeichen lang sein / the reason may have at most " + MAX_ERASURE_REASON + " characters",
					"reason");
		apply(new PersonalDataErased(this.applicationId, this.partnershipId,
				PersonalDataErased.subjectOf(this.applicationId), reason, command.erasedAt()));
	}

	/**
	 * Year-end closure: an application that still waits ends not funded (an open vote
	 * with it: no vote can be cast on it any more and its circular deadline finds nothing
	 * to close). Only once its fund is closed, as the fund itself says; a draft or a
	 * decided application stays as it is, and a repeated command changes nothing.
	 */
	@CommandHandler
	public void handle(EndAtFundClosureCommand command, FundLedger funds) {
		// an approval whose reservation the fund refused because it closed meanwhile
		// waits too
		boolean approvedWithoutMoney = this.status == ApplicationStatus.APPROVED && !this.grant.hasReservation();
		if (!(this.status.endsAtFundClosure() || approvedWithoutMoney) || terms(funds).open()) {
			return;
		}
		apply(new ApplicationNotFunded(this.applicationId, this.fundId, this.status, ApplicationNotFunded.FUND_CLOSED));
	}

	/**
	 * A circular vote closes by itself at its deadline. The deadline's name is kept as it
	 * was scheduled, so deadlines stored before the split still arrive.
	 */
	@DeadlineHandler(deadlineName = Ballot.CIRCULAR_VOTE_CLOSES)
	void circularVoteCloses(Integer round, FundLedger funds) {
		this.ballot.closeAtDeadline(round, funds);
	}

	/** The proof of use was not in on time: flag it for staff. */
	@DeadlineHandler(deadlineName = Grant.PROOF_OF_USE_DUE)
	void proofOfUseDue(LocalDate dueOn) {
		this.grant.proofOfUseDue(dueOn);
	}

	public ApplicationId applicationId() {
		return this.applicationId;
	}

	public PartnershipId partnershipId() {
		return this.partnershipId;
	}

	public FundId fundId() {
		return this.fundId;
	}

	public ApplicationStatus status() {
		return this.status;
	}

	public ApplicationContent content() {
		return this.content;
	}

	/**
	 * The organisation the application is filed for; null for applications drafted before
	 * organisations had ids.
	 */
	public OrganisationId organisationId() {
		return this.organisationId;
	}

	/** The fund's call round the application was submitted in; null without rounds. */
	public Integer round() {
		return this.round;
	}

	/** The submitted version that checks and decisions refer to. */
	public int version() {
		return this.version;
	}

	/** The fund's terms as they are now, from the fund itself. */
	public FundTerms terms(FundLedger funds) {
		return funds.terms(this.fundId);
	}

	/** Another applicant's application is not revealed as existing. */
	public void requireOwner(String requestedBy) {
		if (!this.owner.equals(requestedBy)) {
			throw new RuleViolationException(ErrorCode.NOT_FOUND, "application not found");
		}
	}

	public RuleViolationException wrongStatus(String action) {
		return new RuleViolationException(ErrorCode.WRONG_STATUS,
				"Der Antrag kann in seinem jetzigen Stand nicht " + GERMAN_ACTIONS.getOrDefault(action, "bearbeitet")
						+ " werden / an application in status " + this.status + " cannot be " + action);
	}

	/**
	 * The German of {@link #wrongStatus(String)}'s actions ("… nicht geändert werden").
	 */
	private static final java.util.Map<String, String> GERMAN_ACTIONS = java.util.Map.ofEntries(
			java.util.Map.entry("cancelled", "abgebrochen"), java.util.Map.entry("changed", "geändert"),
			java.util.Map.entry("checked", "geprüft"), java.util.Map.entry("confirmed", "bestätigt"),
			java.util.Map.entry("corrected by a reversal of its refund",
					"durch die Stornierung einer Rückzahlung berichtigt"),
			java.util.Map.entry("corrected", "berichtigt"),
			java.util.Map.entry("decided by closing a vote", "durch den Abschluss einer Abstimmung entschieden"),
			java.util.Map.entry("decided", "entschieden"), java.util.Map.entry("given money", "mit Mitteln versehen"),
			java.util.Map.entry("put on the waiting list", "auf die Warteliste gesetzt"),
			java.util.Map.entry("put to a vote", "zur Abstimmung gestellt"),
			java.util.Map.entry("refunded", "zurückgezahlt"), java.util.Map.entry("reviewed", "abgerechnet"),
			java.util.Map.entry("submitted", "eingereicht"), java.util.Map.entry("withdrawn", "zurückgezogen"));

	private static void requireOpen(FundTerms fund) {
		if (!fund.open()) {
			throw new RuleViolationException(ErrorCode.FUND_CLOSED, "the fund is closed for applications");
		}
	}

	@EventSourcingHandler
	void on(ApplicationDrafted event) {
		this.applicationId = event.applicationId();
		this.partnershipId = event.partnershipId();
		this.fundId = event.fundId();
		this.owner = event.owner();
		this.organisationId = event.organisationId();
		this.content = event.content();
		this.status = ApplicationStatus.DRAFT;
		this.ballot = new Ballot(this);
		this.grant = new Grant(this);
		this.attachments = new Attachments(this);
	}

	@EventSourcingHandler
	void on(PersonalDataErased event) {
		this.personalDataErased = true;
	}

	@EventSourcingHandler
	void on(ApplicationDraftUpdated event) {
		this.content = event.content();
	}

	@EventSourcingHandler
	void on(ApplicationSubmitted event) {
		this.version = event.version();
		this.round = event.round();
		this.status = ApplicationStatus.SUBMITTED;
	}

	@EventSourcingHandler
	void on(ApplicationAccepted event) {
		this.status = ApplicationStatus.READY_FOR_DECISION;
	}

	@EventSourcingHandler
	void on(ApplicationReturnedForRevision event) {
		this.status = ApplicationStatus.RETURNED_FOR_REVISION;
	}

	@EventSourcingHandler
	void on(ApplicationRejectedAsIneligible event) {
		this.status = ApplicationStatus.REJECTED;
	}

	@EventSourcingHandler
	void on(ApplicationWithdrawn event) {
		this.status = ApplicationStatus.WITHDRAWN;
	}

	// the status after the ballot's and the grant's events (each keeps its own state)

	@EventSourcingHandler
	void on(VoteOpened event) {
		this.status = ApplicationStatus.IN_VOTING;
	}

	@EventSourcingHandler
	void on(ApplicationDecided event) {
		this.status = event.resultingStatus();
	}

	@EventSourcingHandler
	void on(ApprovedFundsReserved event) {
		this.status = ApplicationStatus.APPROVED;
	}

	@EventSourcingHandler
	void on(ApprovalWaitlisted event) {
		this.status = ApplicationStatus.WAITLISTED;
	}

	@EventSourcingHandler
	void on(ApplicationNotFunded event) {
		this.status = ApplicationStatus.NOT_FUNDED;
	}

	@EventSourcingHandler
	void on(ProofOfUseSubmitted event) {
		this.status = ApplicationStatus.PROOF_OF_USE_SUBMITTED;
	}

	@EventSourcingHandler
	void on(ProofOfUseReturned event) {
		this.status = ApplicationStatus.APPROVED;
	}

	@EventSourcingHandler
	void on(ProofOfUseAccepted event) {
		this.status = event.resultingStatus();
	}

	@EventSourcingHandler
	void on(ProofOfUseReviewCorrected event) {
		this.status = event.resultingStatus();
	}

	@EventSourcingHandler
	void on(GrantCancelled event) {
		this.status = ApplicationStatus.CANCELLED;
	}

	@EventSourcingHandler
	void on(GrantSettled event) {
		this.status = ApplicationStatus.SETTLED;
	}

}
