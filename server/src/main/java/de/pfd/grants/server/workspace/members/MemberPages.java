package de.pfd.grants.server.workspace.members;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingController;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.voting.VoteChoice;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

/**
 * The pages of board and youth-forum members: "Zur Entscheidung" (the open votes of the
 * own body, one page per vote with the version voted on, its plan, the formal check's
 * note, the fund's money and the deadline; the vote and the declaration of a conflict of
 * interest) and "Beschlüsse" (the decisions of the body, and those the member is informed
 * of). Thin adapters over the API's use cases ({@link VotingUseCases}); its request
 * records check the input; who may vote is the domain's decision, shown as a clear
 * refusal.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('MEMBER')")
class MemberPages {

	static final String AGENDA = "entscheidungen/liste";

	static final String BALLOT = "entscheidungen/abstimmung";

	static final String DECISIONS = "entscheidungen/beschluesse";

	private final MemberDesk desk;

	private final VotingUseCases voting;

	private final Validator validator;

	private final MessageSource messages;

	MemberPages(MemberDesk desk, VotingUseCases voting, Validator validator, MessageSource messages) {
		this.desk = desk;
		this.voting = voting;
		this.validator = validator;
		this.messages = messages;
	}

	/**
	 * A line of the error summary: the label's key, the message, the field it links to.
	 */
	public record Problem(String labelKey, int row, String message, String href) {
	}

	@GetMapping("/entscheidungen")
	String agenda(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("ballots", this.desk.agenda(user));
		return AGENDA;
	}

	@GetMapping("/entscheidungen/{id}")
	String ballot(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		Optional<MemberDesk.Ballot> open = this.desk.findBallot(user, id);
		if (open.isEmpty()) {
			// e.g. the link of a mail after the vote closed
			model.addAttribute("closedMeanwhile", this.desk.title(user, id));
			model.addAttribute("closedKey", "member.closed.read");
			return agenda(user, model);
		}
		return ballotPage(open.get(), null, null, Map.of(), model);
	}

	@PostMapping("/entscheidungen/{id}/stimme")
	String vote(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "vote", required = false) String vote, Model model, HttpServletResponse response) {
		Optional<MemberDesk.Ballot> open = this.desk.findBallot(user, id);
		if (open.isEmpty()) {
			return closed(user, id, model, response);
		}
		MemberDesk.Ballot ballot = open.get();
		VoteChoice choice = choice(vote);
		Map<String, String> errors = new LinkedHashMap<>();
		this.validator.validate(new VotingController.VoteRequest(choice))
			.forEach(violation -> errors.putIfAbsent("vote", text("member.error.vote.missing")));
		if (errors.isEmpty()) {
			try {
				this.voting.vote(user, ballot.id(), choice);
				return "redirect:/entscheidungen/" + ballot.id() + "?abgestimmt#stimme";
			}
			catch (CommandExecutionException refused) {
				return refused(user, ballot, "vote", refused, vote, null, model, response);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return ballotPage(ballot, vote, null, errors, model);
	}

	@PostMapping("/entscheidungen/{id}/befangenheit")
	String recuse(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
		Optional<MemberDesk.Ballot> open = this.desk.findBallot(user, id);
		if (open.isEmpty()) {
			return closed(user, id, model, response);
		}
		MemberDesk.Ballot ballot = open.get();
		String given = reason == null || reason.isBlank() ? null : reason.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (given == null) {
			// the page asks for a reason: the minutes record why a member stood aside
			errors.put("reason", text("member.error.reason.missing"));
		}
		else {
			this.validator.validate(new VotingController.RecusalRequest(given))
				.forEach(violation -> errors.putIfAbsent("reason", violation.getMessage()));
		}
		if (errors.isEmpty()) {
			try {
				this.voting.recuse(user, ballot.id(), given);
				return "redirect:/entscheidungen/" + ballot.id() + "?befangen#stimme";
			}
			catch (CommandExecutionException refused) {
				return refused(user, ballot, "reason", refused, null, reason, model, response);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return ballotPage(ballot, null, reason, errors, model);
	}

	@GetMapping("/entscheidungen/beschluesse")
	String decisions(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("resolutions", this.desk.decisions(user));
		return DECISIONS;
	}

	/**
	 * A refusal of the domain: a vote closed meanwhile leads back to the agenda (409)
	 * saying so; otherwise the vote's page again with the reason at the field (422).
	 */
	private String refused(GrantsUser user, MemberDesk.Ballot before, String field, CommandExecutionException refused,
			String vote, String reason, Model model, HttpServletResponse response) {
		RuleViolation violation = refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refused);
		Optional<MemberDesk.Ballot> now = this.desk.findBallot(user, before.id());
		if (now.isEmpty()) {
			return closed(user, before.id(), model, response);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, violation.code() == ErrorCode.NOT_ELIGIBLE_TO_VOTE ? text("member.error.notEligible")
				: Bilingual.local(violation.message()));
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return ballotPage(now.get(), vote, reason, errors, model);
	}

	/**
	 * The application the member may see has no open vote (any more): the agenda, saying
	 * so (409), nothing recorded.
	 */
	private String closed(GrantsUser user, String id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("closedMeanwhile", this.desk.title(user, id));
		model.addAttribute("closedKey", "member.closed.text");
		return agenda(user, model);
	}

	private String ballotPage(MemberDesk.Ballot ballot, String vote, String reason, Map<String, String> errors,
			Model model) {
		model.addAttribute("ballot", ballot);
		model.addAttribute("choices", VoteChoice.values());
		model.addAttribute("chosen",
				vote != null ? vote : ballot.item().ownVote() == null ? null : ballot.item().ownVote().name());
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary(errors));
		return BALLOT;
	}

	private static List<Problem> summary(Map<String, String> errors) {
		return errors.entrySet()
			.stream()
			.map(e -> new Problem("member.field." + e.getKey(), 0, e.getValue(),
					"vote".equals(e.getKey()) ? "#vote-YES" : "#" + e.getKey()))
			.toList();
	}

	private static VoteChoice choice(String vote) {
		if (vote == null) {
			return null;
		}
		try {
			return VoteChoice.valueOf(vote);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
