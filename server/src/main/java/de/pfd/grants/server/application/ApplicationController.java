package de.pfd.grants.server.application;

import java.net.URI;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.fund.FundDirectory;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.application.FindProcessingTimesQuery;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Applications: applicants draft, revise, submit and withdraw their own; staff check them
 * formally; members see those before their body; auditors read. Whatever a caller may not
 * see is 404.
 */
@RestController
@Tag(name = "Applications", description = "Anträge: draft, submission, formal check, revision, withdrawal")
@SecurityRequirement(name = "basic")
class ApplicationController {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ProjectionSync projections;

	private final FundDirectory funds;

	private final ApplicationDirectory applications;

	ApplicationController(CommandGateway commands, QueryGateway queries, ProjectionSync projections,
			FundDirectory funds, ApplicationDirectory applications) {
		this.commands = commands;
		this.queries = queries;
		this.projections = projections;
		this.funds = funds;
		this.applications = applications;
	}

	@PostMapping("/api/applications")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Create a draft (may be incomplete); Idempotency-Key makes a retry return the same draft")
	ResponseEntity<ApplicationResponse> create(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody ApplicationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (request.fundId() == null || request.fundId().isBlank()) {
			throw ApiException.badInput("fundId", "Fonds fehlt / fundId is required");
		}
		FundBudget fund = this.funds.find(user, request.fundId(), null)
			.orElseThrow(() -> ApiException.badInput("fundId", "Unbekannter Fonds / unknown fund"));
		ApplicationId id = new ApplicationId(IdempotencyKeys.operationId(user, "application", idempotencyKey));
		try {
			this.commands.sendAndWait(new CreateApplicationCommand(id, user.partnershipId(), user.username(),
					FundDirectory.terms(fund), request.content()));
		}
		catch (AggregateStreamCreationException ex) {
			// the same Idempotency-Key again: the draft exists already, answer as the
			// first time
		}
		this.projections.awaitProjections();
		ApplicationDetail detail = visible(user, id.value());
		return ResponseEntity.created(URI.create("/api/applications/" + id.value()))
			.body(ApplicationResponse.of(detail));
	}

	@PutMapping("/api/applications/{id}")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Replace the content of a draft or of an application returned for revision")
	ApplicationResponse update(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody ApplicationRequest request) {
		ApplicationDetail detail = visible(user, id);
		if (request.fundId() != null && !request.fundId().equals(detail.fundId().value())) {
			throw ApiException.badInput("fundId", "Der Fonds eines Antrags ist fest / the fund cannot change");
		}
		FundBudget fund = this.funds.visible(user, detail.fundId().value(), null);
		this.commands.sendAndWait(new UpdateApplicationCommand(detail.id(), user.username(), FundDirectory.terms(fund),
				request.content()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/submission")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Submit: checks completeness and the fund's rules; a second submit changes nothing")
	ApplicationResponse submit(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		ApplicationDetail detail = visible(user, id);
		FundBudget fund = this.funds.visible(user, detail.fundId().value(), null);
		this.commands
			.sendAndWait(new SubmitApplicationCommand(detail.id(), user.username(), FundDirectory.terms(fund)));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/withdrawal")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Withdraw (before the first payout); reserved money returns to the fund")
	ApplicationResponse withdraw(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) WithdrawalRequest request) {
		ApplicationDetail detail = visible(user, id);
		this.commands.sendAndWait(new WithdrawApplicationCommand(detail.id(), user.username(),
				request == null ? null : request.reason()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/formal-check")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Formal check: ACCEPTED (ready for decision), RETURNED (with note), REJECTED (with reason)")
	ApplicationResponse formalCheck(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody FormalCheckRequest request) {
		ApplicationDetail detail = visible(user, id);
		this.commands.sendAndWait(new PerformFormalCheckCommand(detail.id(), request.outcome(), request.note()));
		return reread(user, id);
	}

	@GetMapping("/api/applications")
	@Operation(summary = "Applications you may see: applicants their own, members those before their body, "
			+ "staff and auditors all")
	List<ApplicationSummary> list(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) ApplicationStatus status) {
		FundId fund = fundId == null || fundId.isBlank() || fundId.length() > 100 ? null : new FundId(fundId);
		return this.queries.query(
				new FindApplicationsQuery(user.partnershipId(), user.role() == Role.APPLICANT ? user.username() : null,
						user.role() == Role.MEMBER ? user.decisionBody() : null, fund, status),
				ResponseTypes.multipleInstancesOf(ApplicationSummary.class))
			.join();
	}

	@GetMapping("/api/applications/{id}")
	@Operation(summary = "One application with its status history and submitted versions")
	ApplicationResponse detail(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return ApplicationResponse.of(visible(user, id));
	}

	@GetMapping("/api/funds/{fundId}/processing-times")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Backlog of unchecked applications and average days from submission to formal check")
	ProcessingTimes processingTimes(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		FundBudget fund = this.funds.visible(user, fundId, null);
		return this.queries
			.query(new FindProcessingTimesQuery(fund.id(), user.partnershipId()),
					ResponseTypes.instanceOf(ProcessingTimes.class))
			.join();
	}

	private ApplicationResponse reread(GrantsUser user, String id) {
		this.projections.awaitProjections();
		return ApplicationResponse.of(visible(user, id));
	}

	private ApplicationDetail visible(GrantsUser user, String id) {
		return this.applications.visible(user, id);
	}

}
