package de.pfd.grants.server.voting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.application.ApplicationResponse;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DecisionView;
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
public class VotingController {

	record OpenVoteRequest(@NotNull VoteProcedure procedure, Instant closesAt, Boolean proposeEarlyStart) {
	}

	public record VoteRequest(@NotNull VoteChoice vote) {
	}

	public record RecusalRequest(@MultiLine @Size(max = 2000) String reason) {
	}

	record ClosureRequest(@EuroAmount BigDecimal approvedAmount, @MultiLine @Size(max = 4000) String conditions,
			Boolean returnForImprovement, @MultiLine @Size(max = 4000) String note, Boolean approveEarlyStart) {
	}

	record FastTrackRequest(DecisionOutcome outcome, @EuroAmount BigDecimal approvedAmount,
			@MultiLine @Size(max = 4000) String conditions, @MultiLine @Size(max = 4000) String note,
			Boolean approveEarlyStart) {
	}

	public record GrantNoticeRequest(@Size(max = 200) String reference) {
	}

	private final VotingUseCases voting;

	VotingController(VotingUseCases voting) {
		this.voting = voting;
	}

	@PostMapping("/api/applications/{id}/voting")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Open a vote of the fund's body (MEETING, or CIRCULAR with closesAt within 90 days; default: "
			+ "the body's circular duration); the voting members are snapshotted now")
	ApplicationResponse open(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody OpenVoteRequest request) {
		return ApplicationResponse.of(this.voting.openVote(user, id, request.procedure(), request.closesAt(),
				Boolean.TRUE.equals(request.proposeEarlyStart())));
	}

	@PostMapping("/api/applications/{id}/voting/votes")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Vote YES, NO or ABSTAIN; a later vote replaces the earlier one until the vote closes")
	ApplicationResponse vote(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody VoteRequest request) {
		return ApplicationResponse.of(this.voting.vote(user, id, request.vote()));
	}

	@PostMapping("/api/applications/{id}/voting/recusal")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Declare a conflict of interest: no vote, not counted for the quorum")
	ApplicationResponse recuse(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) RecusalRequest request) {
		return ApplicationResponse.of(this.voting.recuse(user, id, request == null ? null : request.reason()));
	}

	@PostMapping("/api/applications/{id}/voting/closure")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Close the vote: approved (optionally a reduced amount and conditions), rejected, "
			+ "returned for improvement, or no decision without quorum")
	ApplicationResponse close(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) ClosureRequest request) {
		ClosureRequest r = request == null ? new ClosureRequest(null, null, false, null, null) : request;
		return ApplicationResponse.of(this.voting.closeVote(user, id,
				r.approvedAmount() == null ? null : Money.of(r.approvedAmount()), r.conditions(),
				Boolean.TRUE.equals(r.returnForImprovement()), r.note(), Boolean.TRUE.equals(r.approveEarlyStart())));
	}

	@PostMapping("/api/applications/{id}/decision")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(
			summary = "Fast track: the lead office decides requests up to the fund's fast-track limit without a vote")
	ApplicationResponse fastTrack(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) FastTrackRequest request) {
		FastTrackRequest r = request == null ? new FastTrackRequest(null, null, null, null, null) : request;
		DecisionOutcome outcome = r.outcome() == null ? DecisionOutcome.APPROVED : r.outcome();
		if (outcome != DecisionOutcome.APPROVED && outcome != DecisionOutcome.REJECTED) {
			throw ApiException.badInput("outcome", "APPROVED oder REJECTED / APPROVED or REJECTED");
		}
		return ApplicationResponse.of(this.voting.fastTrack(user, id, outcome == DecisionOutcome.APPROVED,
				r.approvedAmount() == null ? null : Money.of(r.approvedAmount()), r.conditions(), r.note(),
				Boolean.TRUE.equals(r.approveEarlyStart())));
	}

	@PostMapping("/api/applications/{id}/grant-notice")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Issue the grant notice (Zuwendungsbescheid) once the approved money is reserved")
	ApplicationResponse issueNotice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) GrantNoticeRequest request) {
		return ApplicationResponse.of(this.voting.issueNotice(user, id, request == null ? null : request.reference()));
	}

	@PostMapping("/api/applications/{id}/grant-notice/confirmation")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Confirm the grant notice and accept its conditions (the applicant)")
	ApplicationResponse confirmNotice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return ApplicationResponse.of(this.voting.confirmNotice(user, id));
	}

	@GetMapping("/api/applications/{id}/votes")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Individual votes and recusals (staff and auditors)")
	List<VoteView> votes(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.voting.votes(user, id);
	}

	@GetMapping("/api/agenda")
	@PreAuthorize("hasRole('MEMBER')")
	@Operation(summary = "Your agenda: open votes of your body with the version voted on, cost plan and your own vote")
	List<AgendaItem> agenda(@AuthenticationPrincipal GrantsUser user) {
		return this.voting.agenda(user);
	}

	@GetMapping("/api/decisions")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR', 'MEMBER')")
	@Operation(summary = "Decisions with outcome, amount, conditions and tally; members see their body's")
	List<DecisionView> decisions(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId) {
		return this.voting.decisions(user, fundId);
	}

}
