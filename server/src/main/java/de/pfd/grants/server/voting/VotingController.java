package de.pfd.grants.server.voting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.application.ApplicationDirectory;
import de.pfd.grants.server.application.ApplicationResponse;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.fund.FundDirectory;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DecisionView;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.FindAgendaQuery;
import de.pfd.grants.shared.voting.FindDecisionsQuery;
import de.pfd.grants.shared.voting.FindVotesQuery;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.voting.VoteView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Votes of the steering board and the youth forum, the lead office's fast track, and the
 * grant notice. Each body decides only its own fund's applications.
 */
@RestController
@Tag(name = "Decisions", description = "Abstimmung, Befangenheit, Schnellverfahren, Zuwendungsbescheid")
@SecurityRequirement(name = "basic")
class VotingController {

	/** A circular procedure runs at most this long. */
	static final Duration LONGEST_CIRCULAR = Duration.ofDays(90);

	record OpenVoteRequest(@NotNull VoteProcedure procedure, Instant closesAt) {
	}

	record VoteRequest(@NotNull VoteChoice vote) {
	}

	record RecusalRequest(@Size(max = 2000) String reason) {
	}

	record ClosureRequest(@EuroAmount BigDecimal approvedAmount, @Size(max = 4000) String conditions,
			Boolean returnForImprovement, @Size(max = 4000) String note) {
	}

	record FastTrackRequest(DecisionOutcome outcome, @EuroAmount BigDecimal approvedAmount,
			@Size(max = 4000) String conditions, @Size(max = 4000) String note) {
	}

	record GrantNoticeRequest(@Size(max = 200) String reference) {
	}

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ProjectionSync projections;

	private final ApplicationDirectory applications;

	private final FundDirectory funds;

	VotingController(CommandGateway commands, QueryGateway queries, ProjectionSync projections,
			ApplicationDirectory applications, FundDirectory funds) {
		this.commands = commands;
		this.queries = queries;
		this.projections = projections;
		this.applications = applications;
		this.funds = funds;
	}

	@PostMapping("/api/applications/{id}/voting")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Open a vote of the fund's body (MEETING, or CIRCULAR with closesAt; default: the body's "
			+ "circular duration); the voting members are snapshotted now")
	ApplicationResponse open(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody OpenVoteRequest request) {
		ApplicationDetail detail = this.applications.visible(user, id);
		DecisionBodyView body = this.queries
			.query(new FindDecisionBodiesQuery(user.partnershipId()),
					ResponseTypes.multipleInstancesOf(DecisionBodyView.class))
			.join()
			.stream()
			.filter(b -> b.type() == detail.decisionBody())
			.findFirst()
			.orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, ErrorCode.CONFLICT,
					"Das Gremium ist nicht eingerichtet / the deciding body does not exist", null));
		Instant now = Instant.now();
		Instant closesAt = request.closesAt();
		if (request.procedure() == VoteProcedure.CIRCULAR) {
			if (closesAt == null) {
				closesAt = now.plus(body.rules().circularDuration());
			}
			if (!closesAt.isAfter(now) || closesAt.isAfter(now.plus(LONGEST_CIRCULAR))) {
				throw ApiException.badInput("closesAt",
						"Ende des Umlaufverfahrens in der Zukunft, höchstens 90 Tage / closesAt must lie within the next 90 days");
			}
		}
		else {
			closesAt = null;
		}
		this.commands.sendAndWait(new OpenVoteCommand(detail.id(), detail.decisionBody(), request.procedure(), closesAt,
				body.members(), body.rules()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/voting/votes")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Vote YES, NO or ABSTAIN; a later vote replaces the earlier one until the vote closes")
	ApplicationResponse vote(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody VoteRequest request) {
		ApplicationDetail detail = ownBody(user, id);
		this.commands.sendAndWait(new CastVoteCommand(detail.id(), user.username(), request.vote()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/voting/recusal")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Declare a conflict of interest: no vote, not counted for the quorum")
	ApplicationResponse recuse(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) RecusalRequest request) {
		ApplicationDetail detail = ownBody(user, id);
		this.commands.sendAndWait(
				new DeclareRecusalCommand(detail.id(), user.username(), request == null ? null : request.reason()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/voting/closure")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Close the vote: approved (optionally a reduced amount and conditions), rejected, "
			+ "returned for improvement, or no decision without quorum")
	ApplicationResponse close(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) ClosureRequest request) {
		ApplicationDetail detail = this.applications.visible(user, id);
		ClosureRequest r = request == null ? new ClosureRequest(null, null, false, null) : request;
		this.commands.sendAndWait(
				new CloseVoteCommand(detail.id(), r.approvedAmount() == null ? null : Money.of(r.approvedAmount()),
						r.conditions(), Boolean.TRUE.equals(r.returnForImprovement()), r.note()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/decision")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(
			summary = "Fast track: the lead office decides requests up to the fund's fast-track limit without a vote")
	ApplicationResponse fastTrack(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) FastTrackRequest request) {
		ApplicationDetail detail = this.applications.visible(user, id);
		FundBudget fund = this.funds.visible(user, detail.fundId().value(), null);
		FastTrackRequest r = request == null ? new FastTrackRequest(null, null, null, null) : request;
		DecisionOutcome outcome = r.outcome() == null ? DecisionOutcome.APPROVED : r.outcome();
		if (outcome != DecisionOutcome.APPROVED && outcome != DecisionOutcome.REJECTED) {
			throw ApiException.badInput("outcome", "APPROVED oder REJECTED / APPROVED or REJECTED");
		}
		this.commands.sendAndWait(new DecideOnFastTrackCommand(detail.id(), outcome == DecisionOutcome.APPROVED,
				r.approvedAmount() == null ? null : Money.of(r.approvedAmount()), r.conditions(), r.note(),
				fund.fastTrackLimit()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/grant-notice")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Issue the grant notice (Zuwendungsbescheid) once the approved money is reserved")
	ApplicationResponse issueNotice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) GrantNoticeRequest request) {
		ApplicationDetail detail = this.applications.visible(user, id);
		this.commands
			.sendAndWait(new IssueGrantNoticeCommand(detail.id(), request == null ? null : request.reference()));
		return reread(user, id);
	}

	@PostMapping("/api/applications/{id}/grant-notice/confirmation")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Confirm the grant notice and accept its conditions (the applicant)")
	ApplicationResponse confirmNotice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		ApplicationDetail detail = this.applications.visible(user, id);
		FundBudget fund = this.funds.visible(user, detail.fundId().value(), null);
		this.commands
			.sendAndWait(new ConfirmGrantNoticeCommand(detail.id(), user.username(), fund.proofOfUseDueWeeks()));
		return reread(user, id);
	}

	@GetMapping("/api/applications/{id}/votes")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Individual votes and recusals (staff and auditors)")
	List<VoteView> votes(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		ApplicationDetail detail = this.applications.visible(user, id);
		return this.queries
			.query(new FindVotesQuery(detail.id(), user.partnershipId()),
					ResponseTypes.multipleInstancesOf(VoteView.class))
			.join();
	}

	@GetMapping("/api/agenda")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Your agenda: open votes of your body with the version voted on, cost plan and your own vote")
	List<AgendaItem> agenda(@AuthenticationPrincipal GrantsUser user) {
		return this.queries
			.query(new FindAgendaQuery(user.partnershipId(), user.decisionBody(), user.username()),
					ResponseTypes.multipleInstancesOf(AgendaItem.class))
			.join();
	}

	@GetMapping("/api/decisions")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR', 'MEMBER')")
	@Operation(summary = "Decisions with outcome, amount, conditions and tally; members see their body's")
	List<DecisionView> decisions(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId) {
		FundId fund = null;
		if (fundId != null && !fundId.isBlank()) {
			fund = this.funds.visible(user, fundId, null).id();
		}
		return this.queries
			.query(new FindDecisionsQuery(user.partnershipId(), fund,
					user.role() == Role.MEMBER ? user.decisionBody() : null),
					ResponseTypes.multipleInstancesOf(DecisionView.class))
			.join();
	}

	/** Only members of the application's own body take part in its vote. */
	private ApplicationDetail ownBody(GrantsUser user, String id) {
		ApplicationDetail detail = this.applications.inPartnership(user, id)
			.orElseThrow(() -> ApiException.notFound("Antrag / application"));
		if (detail.decisionBody() != user.decisionBody()) {
			throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_ELIGIBLE_TO_VOTE,
					"Nur Mitglieder des zuständigen Gremiums / only members of the deciding body", null);
		}
		return detail;
	}

	private ApplicationResponse reread(GrantsUser user, String id) {
		this.projections.awaitProjections();
		return ApplicationResponse.of(this.applications.inPartnership(user, id)
			.orElseThrow(() -> ApiException.notFound("Antrag / application")));
	}

}
