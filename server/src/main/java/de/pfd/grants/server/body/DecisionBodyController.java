package de.pfd.grants.server.body;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.body.DecisionBodyView;
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
public class DecisionBodyController {

	public record MemberRequest(@NotBlank @Size(max = 320) String username, @Size(max = 200) String organisation,
			@Size(max = 20) List<@NotBlank @Size(max = 100) String> organisationIds, Boolean voting) {
	}

	public record RulesRequest(@NotNull @Min(0) @Max(99) Integer quorumPercent,
			@NotNull @Min(1) @Max(90) Integer circularDays) {
	}

	private final DecisionBodyUseCases bodies;

	DecisionBodyController(DecisionBodyUseCases bodies) {
		this.bodies = bodies;
	}

	@GetMapping
	@Operation(summary = "Bodies of your partnership with members and voting rules")
	List<DecisionBodyView> bodies(@AuthenticationPrincipal GrantsUser user) {
		return this.bodies.bodies(user);
	}

	@PostMapping("/{bodyId}/members")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Add a member (an account of your partnership), voting (default) or advisory, with the "
			+ "organisations it represents by id (default: those its account belongs to)")
	DecisionBodyView addMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@Valid @RequestBody MemberRequest request) {
		return this.bodies.addMember(user, bodyId, request.username(), request.organisation(),
				request.organisationIds(), request.voting());
	}

	@DeleteMapping("/{bodyId}/members/{username}")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Remove a member: from now on it no longer votes (also in votes already open, whose "
			+ "quorum keeps their snapshot), nor sees the agenda or the body's applications")
	DecisionBodyView removeMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@PathVariable String username) {
		return this.bodies.removeMember(user, bodyId, username);
	}

	@PutMapping("/{bodyId}/rules")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Change the quorum (more than N % of the eligible members) and the circular procedure's days")
	DecisionBodyView rules(@AuthenticationPrincipal GrantsUser user, @PathVariable String bodyId,
			@Valid @RequestBody RulesRequest request) {
		return this.bodies.changeRules(user, bodyId, request.quorumPercent(), request.circularDays());
	}

}
