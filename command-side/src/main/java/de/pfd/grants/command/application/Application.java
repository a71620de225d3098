package de.pfd.grants.command.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FundTerms;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;
import de.pfd.grants.shared.fund.FundId;

/**
 * An application for money from one fund, from the first draft on. Only its owner (the
 * applicant who drafted it) may change, submit or withdraw it; to anybody else it does
 * not exist.
 */
@Aggregate
public class Application {

	/** Once decided against, or given up, an application stays as it is. */
	private static final Set<ApplicationStatus> FINAL = EnumSet.of(ApplicationStatus.WITHDRAWN,
			ApplicationStatus.REJECTED, ApplicationStatus.SETTLED);

	@AggregateIdentifier
	private ApplicationId applicationId;

	private FundId fundId;

	private String owner;

	private ApplicationStatus status;

	private ApplicationContent content;

	/** Number of submitted versions so far. */
	private int version;

	protected Application() {
	}

	@CommandHandler
	public Application(CreateApplicationCommand command) {
		requireOpen(command.fund());
		List<FieldViolation> problems = ApplicationRules.draftProblems(command.content(), command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.INVALID_INPUT, problems);
		}
		apply(new ApplicationDrafted(command.applicationId(), command.partnershipId(), command.fund().fundId(),
				command.owner(), command.content()));
	}

	@CommandHandler
	public void handle(UpdateApplicationCommand command) {
		requireOwner(command.requestedBy());
		requireSameFund(command.fund());
		if (!this.status.isEditable()) {
			throw wrongStatus("changed");
		}
		List<FieldViolation> problems = ApplicationRules.draftProblems(command.content(), command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.INVALID_INPUT, problems);
		}
		apply(new ApplicationDraftUpdated(this.applicationId, command.content()));
	}

	@CommandHandler
	public void handle(SubmitApplicationCommand command) {
		requireOwner(command.requestedBy());
		requireSameFund(command.fund());
		if (this.status == ApplicationStatus.SUBMITTED) {
			// a double click or a retried request: already done, nothing new
			return;
		}
		if (!this.status.isEditable()) {
			throw wrongStatus("submitted");
		}
		requireOpen(command.fund());
		List<FieldViolation> problems = ApplicationRules.submissionProblems(this.content, command.fund());
		if (!problems.isEmpty()) {
			throw invalid(ErrorCode.SUBMISSION_INVALID, problems);
		}
		apply(new ApplicationSubmitted(this.applicationId, this.fundId, this.version + 1, this.content));
	}

	@CommandHandler
	public void handle(PerformFormalCheckCommand command) {
		if (this.status != ApplicationStatus.SUBMITTED) {
			throw wrongStatus("checked");
		}
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		switch (command.outcome()) {
			case ACCEPTED -> apply(new ApplicationAccepted(this.applicationId, this.version, note));
			case RETURNED -> apply(new ApplicationReturnedForRevision(this.applicationId, this.version,
					requireNote(note, "returning an application needs a note on what to revise")));
			case REJECTED -> apply(new ApplicationRejectedAsIneligible(this.applicationId, this.version,
					requireNote(note, "rejecting an application needs a reason")));
		}
	}

	@CommandHandler
	public void handle(WithdrawApplicationCommand command) {
		requireOwner(command.requestedBy());
		if (FINAL.contains(this.status) || this.status == ApplicationStatus.PROOF_OF_USE_SUBMITTED
				|| this.status == ApplicationStatus.REFUND_DUE) {
			throw wrongStatus("withdrawn");
		}
		String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
		apply(new ApplicationWithdrawn(this.applicationId, this.fundId, this.status, reason));
	}

	private void requireOwner(String requestedBy) {
		if (!this.owner.equals(requestedBy)) {
			// another applicant's application is not revealed as existing
			throw new RuleViolationException(ErrorCode.NOT_FOUND, "application not found");
		}
	}

	private void requireSameFund(FundTerms fund) {
		if (!this.fundId.equals(fund.fundId())) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "the fund of an application cannot change",
					"fundId");
		}
	}

	private static void requireOpen(FundTerms fund) {
		if (!fund.open()) {
			throw new RuleViolationException(ErrorCode.FUND_CLOSED, "the fund is closed for applications");
		}
	}

	private static String requireNote(String note, String message) {
		if (note == null) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, message, "note");
		}
		return note;
	}

	private RuleViolationException wrongStatus(String action) {
		return new RuleViolationException(ErrorCode.WRONG_STATUS,
				"an application in status " + this.status + " cannot be " + action);
	}

	private static RuleViolationException invalid(ErrorCode code, List<FieldViolation> problems) {
		String message = (code == ErrorCode.SUBMISSION_INVALID ? "the application cannot be submitted: "
				: "invalid application: ")
				+ problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
		return new RuleViolationException(code, message, problems);
	}

	@EventSourcingHandler
	void on(ApplicationDrafted event) {
		this.applicationId = event.applicationId();
		this.fundId = event.fundId();
		this.owner = event.owner();
		this.content = event.content();
		this.status = ApplicationStatus.DRAFT;
	}

	@EventSourcingHandler
	void on(ApplicationDraftUpdated event) {
		this.content = event.content();
	}

	@EventSourcingHandler
	void on(ApplicationSubmitted event) {
		this.version = event.version();
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

}
