package de.pfd.grants.server.body;

import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.ChangeVotingRulesCommand;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.RemoveMemberCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The steering board and the youth forum of the caller's partnership; staff manage
 * members and rules.
 */
@RestController
@RequestMapping("/api/decision-bodies")
@Tag(name = "Decision bodies", description = "Begleitausschuss and Jugendforum: members and voting rules")
@SecurityRequirement(name = "basic")
class DecisionBodyController {

	record MemberRequest(@NotBlank @Size(max = 64) String username, @Size(max = 200) String organisation,
			Boolean voting) {
	}

	record RulesRequest(@NotNull @Min(0) @Max(99) Integer quorumPercent,
			@NotNull @Min(1) @Max(90) Integer circularDays) {
	}

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ProjectionSync projections;

	private final AccountStore accounts;

	DecisionBodyController(CommandGateway commands, QueryGateway queries, ProjectionSync projections,
			AccountStore accounts) {
		this.commands = commands;
		this.queries = queries;
		this.projections = projections;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Bodies of your partnership with members and voting rules")
	List<DecisionBodyView> bodies(@AuthenticationPrincipal GrantsUser user) {
		return this.queries
			.query(new FindDecisionBodiesQuery(user.partnershipId()),
					ResponseTypes.multipleInstancesOf(DecisionBodyView.class))
			.join();
	}

	@PostMapping("/{bodyId}/members")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Add a member (an account of your partnership), voting (default) or advisory")
	DecisionBodyView addMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@Valid @RequestBody MemberRequest request) {
		DecisionBodyView body = body(user, bodyId);
		GrantsUser account;
		try {
			account = this.accounts.loadUserByUsername(request.username());
		}
		catch (UsernameNotFoundException ex) {
			throw ApiException.badInput("username", "Unbekanntes Konto / unknown account");
		}
		if (!account.partnershipId().equals(user.partnershipId())) {
			throw ApiException.badInput("username", "Unbekanntes Konto / unknown account");
		}
		boolean voting = request.voting() == null || request.voting();
		if (voting && (account.role() != Role.MEMBER || account.decisionBody() != body.type())) {
			// a vote counts for the quorum: only the body's own member accounts may hold
			// one
			throw ApiException.badInput("voting",
					"Stimmrecht nur für Mitgliedskonten dieses Gremiums / only this body's member accounts can vote; add others as advisory (voting:false)");
		}
		String organisation = request.organisation() != null && !request.organisation().isBlank()
				? request.organisation().strip() : account.organisation();
		this.commands.sendAndWait(new AddMemberCommand(body.id(),
				new Member(account.username(), account.displayName(), organisation, voting)));
		return reread(user, bodyId);
	}

	@DeleteMapping("/{bodyId}/members/{username}")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Remove a member; votes already open keep their snapshot")
	DecisionBodyView removeMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@PathVariable String username) {
		DecisionBodyView body = body(user, bodyId);
		if (body.members().stream().noneMatch(m -> m.username().equals(username))) {
			throw ApiException.notFound("Mitglied / member");
		}
		this.commands.sendAndWait(new RemoveMemberCommand(body.id(), username));
		return reread(user, bodyId);
	}

	@PutMapping("/{bodyId}/rules")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Change the quorum (more than N % of the eligible members) and the circular procedure's days")
	DecisionBodyView rules(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@Valid @RequestBody RulesRequest request) {
		DecisionBodyView body = body(user, bodyId);
		this.commands.sendAndWait(new ChangeVotingRulesCommand(body.id(), request.quorumPercent(),
				Duration.ofDays(request.circularDays())));
		return reread(user, bodyId);
	}

	private DecisionBodyView reread(GrantsUser user, String bodyId) {
		this.projections.awaitProjections();
		return body(user, bodyId);
	}

	private DecisionBodyView body(GrantsUser user, String bodyId) {
		return bodies(user).stream()
			.filter(b -> b.id().value().equals(bodyId))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Gremium / decision body"));
	}

}
