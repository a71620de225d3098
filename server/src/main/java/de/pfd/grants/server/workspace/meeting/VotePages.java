package de.pfd.grants.server.workspace.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.voting.VoteView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One application's vote, for staff (URL rule: staff): open it (circular with a deadline,
 * or at a meeting), record the votes as minuted at a meeting, and close it with the
 * resolution. The same forms serve a meeting's page ({@code sitzung}: back to it). Thin
 * adapters over {@link VotingUseCases}; the command side decides what is allowed.
 */
@Controller
@Hidden
class VotePages {

	private final VotingUseCases voting;

	private final MeetingUseCases meetings;

	private final MeetingModel pages;

	VotePages(VotingUseCases voting, MeetingUseCases meetings, MeetingModel pages) {
		this.voting = voting;
		this.meetings = meetings;
		this.pages = pages;
	}

	@GetMapping("/bearbeitung/{id}/abstimmung")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return this.pages.votePage(user, id, Map.of(), model);
	}

	@PostMapping("/bearbeitung/{id}/abstimmung")
	String open(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "verfahren", required = false) String procedure,
			@RequestParam(name = "ende", required = false) String closesAt, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		VoteProcedure chosen = "MEETING".equals(procedure) ? VoteProcedure.MEETING
				: "CIRCULAR".equals(procedure) ? VoteProcedure.CIRCULAR : null;
		Instant deadline = null;
		if (chosen == null) {
			errors.put("verfahren", this.pages.text("meeting.error.procedure"));
		}
		else if (chosen == VoteProcedure.CIRCULAR && closesAt != null && !closesAt.isBlank()) {
			try {
				deadline = LocalDateTime.parse(closesAt.strip()).atZone(PartnershipCalendar.ZONE).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.put("ende", this.pages.text("meeting.error.closesAt"));
			}
		}
		if (errors.isEmpty()) {
			try {
				this.voting.openVote(user, id, chosen, deadline, false);
				return "redirect:/bearbeitung/" + id + "/abstimmung?eroeffnet";
			}
			catch (CommandExecutionException refused) {
				errors.put(chosen == VoteProcedure.CIRCULAR ? "ende" : "verfahren", this.pages.refusal(refused));
			}
		}
		model.addAttribute("procedure", procedure);
		model.addAttribute("closesAt", closesAt);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return this.pages.votePage(user, id, errors, model);
	}

	/**
	 * The votes as minuted: {@code stimme-<member>} YES, NO, ABSTAIN or RECUSED (with
	 * {@code grund-<member>}); what is unchanged or left empty is not sent again.
	 */
	@PostMapping("/bearbeitung/{id}/abstimmung/stimmen")
	String record(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "sitzung", required = false) String meeting, @RequestParam Map<String, String> fields,
			Model model, HttpServletResponse response) {
		Meeting back = meeting == null || meeting.isBlank() ? null : this.meetings.meeting(user, meeting);
		MeetingUseCases.VoteState state = this.meetings.voteState(user, id);
		Map<String, VoteView> current = new LinkedHashMap<>();
		state.members().forEach(v -> current.put(v.username(), v));
		Map<String, String> errors = new LinkedHashMap<>();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			if (!field.getKey().startsWith("stimme-") || field.getValue() == null || field.getValue().isBlank()) {
				continue;
			}
			String member = field.getKey().substring("stimme-".length());
			String value = field.getValue().strip();
			boolean recused = "RECUSED".equals(value);
			VoteChoice choice = null;
			if (!recused) {
				try {
					choice = VoteChoice.valueOf(value);
				}
				catch (IllegalArgumentException ex) {
					errors.put(fieldId(id, member), this.pages.text("meeting.error.vote"));
					break;
				}
			}
			VoteView now = current.get(member);
			if (now != null && (recused ? now.recused() : !now.recused() && now.choice() == choice)) {
				continue;
			}
			try {
				this.voting.recordMeetingVote(user, id, member, choice, recused,
						fields.get("grund-" + member) == null ? null : fields.get("grund-" + member));
			}
			catch (CommandExecutionException refused) {
				errors.put(fieldId(id, member), this.pages.refusal(refused));
				break;
			}
		}
		if (errors.isEmpty()) {
			return back != null ? "redirect:/sitzungen/" + back.id() + "?erfasst#antrag-" + id
					: "redirect:/bearbeitung/" + id + "/abstimmung?erfasst";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return back != null ? this.pages.meetingPage(user, back, errors, model)
				: this.pages.votePage(user, id, errors, model);
	}

	/** The field of a member's vote on the page (a member shown there, or the form). */
	private static String fieldId(String application, String member) {
		return "stimme-" + application + "-" + member;
	}

	/**
	 * The resolution: an approval at the amount entered ({@code betrag}, German notation;
	 * empty: the requested amount) with conditions, or returned for improvement
	 * ({@code zurueck}) with a note; the tally decides whether it passes.
	 */
	@PostMapping("/bearbeitung/{id}/abstimmung/beschluss")
	String close(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "sitzung", required = false) String meeting,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "auflagen", required = false) String conditions,
			@RequestParam(name = "zurueck", required = false) String returnForImprovement,
			@RequestParam(name = "notiz", required = false) String note, Model model, HttpServletResponse response) {
		Meeting back = meeting == null || meeting.isBlank() ? null : this.meetings.meeting(user, meeting);
		Map<String, String> errors = new LinkedHashMap<>();
		Money approved = null;
		if (amount != null && !amount.isBlank()) {
			BigDecimal euros = GermanMoney.parse(amount);
			if (euros == null || euros.signum() <= 0) {
				errors.put("betrag-" + id, this.pages.text("meeting.error.amount.format"));
			}
			else {
				approved = Money.of(euros);
			}
		}
		// the API's limits (ClosureRequest): 4,000 characters each
		if (conditions != null && conditions.length() > 4000) {
			errors.put("auflagen-" + id, this.pages.text("meeting.error.long"));
		}
		if (note != null && note.length() > 4000) {
			errors.put("notiz-" + id, this.pages.text("meeting.error.long"));
		}
		if (errors.isEmpty()) {
			try {
				this.voting.closeVote(user, id, approved, blankToNull(conditions), returnForImprovement != null,
						blankToNull(note), false, back == null ? null : MeetingUseCases.resolutionTime(back, id));
				return back != null ? "redirect:/sitzungen/" + back.id() + "?beschlossen#antrag-" + id
						: "redirect:/bearbeitung/" + id + "/abstimmung?beschlossen";
			}
			catch (CommandExecutionException refused) {
				errors.put("betrag-" + id, this.pages.refusal(refused));
			}
		}
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("application", id);
		typed.put("betrag", amount == null ? "" : amount);
		typed.put("auflagen", conditions == null ? "" : conditions);
		typed.put("notiz", note == null ? "" : note);
		typed.put("zurueck", returnForImprovement == null ? "" : "on");
		model.addAttribute("resolution", typed);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return back != null ? this.pages.meetingPage(user, back, errors, model)
				: this.pages.votePage(user, id, errors, model);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
