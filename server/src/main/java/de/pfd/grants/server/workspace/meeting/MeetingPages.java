package de.pfd.grants.server.workspace.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The meetings of the bodies, for staff (URL rule: staff): the list with the form to
 * prepare one, a meeting's page (agenda, what-if, votes, resolutions), its start and its
 * close. Thin adapters over {@link MeetingUseCases}; a refusal shows the page again (HTTP
 * 422) with the problem at its field and in the summary, the values as typed.
 */
@Controller
@Hidden
class MeetingPages {

	private final MeetingUseCases meetings;

	private final MeetingModel pages;

	MeetingPages(MeetingUseCases meetings, MeetingModel pages) {
		this.meetings = meetings;
		this.pages = pages;
	}

	@GetMapping("/sitzungen")
	String list(@AuthenticationPrincipal GrantsUser user, Model model) {
		return listPage(user, Map.of(), model);
	}

	@PostMapping("/sitzungen")
	String prepare(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "fonds", required = false) String fund,
			@RequestParam(name = "datum", required = false) String day,
			@RequestParam(name = "titel", required = false) String title, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate heldOn = null;
		if (day != null && !day.isBlank()) {
			try {
				heldOn = GermanDay.parse(day);
			}
			catch (DateTimeParseException ex) {
				errors.put("datum", this.pages.text("meeting.error.date"));
			}
		}
		if (errors.isEmpty()) {
			try {
				Meeting meeting = this.meetings.prepare(user, fund, heldOn, title);
				return "redirect:/sitzungen/" + meeting.id();
			}
			catch (ApiException refused) {
				if (refused.field() == null || refused.status() != HttpStatus.BAD_REQUEST) {
					throw refused;
				}
				errors.put(switch (refused.field()) {
					case "fund" -> "fonds";
					case "heldOn" -> "datum";
					default -> "titel";
				}, Bilingual.local(refused.getMessage()));
			}
		}
		model.addAttribute("typedFund", fund);
		model.addAttribute("typedDay", day);
		model.addAttribute("typedTitle", title);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return listPage(user, errors, model);
	}

	private String listPage(GrantsUser user, Map<String, String> errors, Model model) {
		List<Meeting> all = this.meetings.meetings(user);
		Map<String, FundBudget> funds = this.pages.fundsById(user);
		model.addAttribute("planned", all.stream().filter(m -> m.status() != Meeting.Status.CLOSED).toList());
		model.addAttribute("closed", all.stream().filter(m -> m.status() == Meeting.Status.CLOSED).toList());
		model.addAttribute("funds", funds);
		model.addAttribute("openFunds", funds.values().stream().filter(f -> f.status() == FundStatus.OPEN).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("summary", MeetingModel.summary(errors));
		return "sitzungen/liste";
	}

	@GetMapping("/sitzungen/{id}")
	String meeting(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return this.pages.meetingPage(user, this.meetings.meeting(user, id), Map.of(), model);
	}

	/**
	 * The agenda as chosen: the ticked applications ({@code antrag}), each at its place
	 * ({@code platz-<id>}) with an amount for the what-if ({@code betrag-<id>}, German
	 * notation; empty: the requested amount).
	 */
	@PostMapping("/sitzungen/{id}/tagesordnung")
	String agenda(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "antrag", required = false) List<String> chosen,
			@RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
		Meeting meeting = this.meetings.meeting(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		List<MeetingUseCases.Choice> choices = new ArrayList<>();
		int order = 0;
		for (String applicationId : chosen == null ? List.<String>of() : chosen) {
			order++;
			String place = fields.getOrDefault("platz-" + applicationId, "");
			int position = order * 1000;
			if (!place.isBlank()) {
				try {
					position = Integer.parseInt(place.strip()) * 1000 + order;
				}
				catch (NumberFormatException ex) {
					errors.put("platz-" + applicationId, this.pages.text("meeting.error.position"));
				}
			}
			String typed = fields.getOrDefault("betrag-" + applicationId, "");
			Money amount = null;
			if (!typed.isBlank()) {
				BigDecimal euros = GermanMoney.parse(typed);
				if (euros == null || euros.signum() <= 0) {
					errors.put("betrag-" + applicationId, this.pages.text("meeting.error.amount.format"));
				}
				else {
					amount = Money.of(euros);
				}
			}
			choices.add(new MeetingUseCases.Choice(applicationId, position, amount));
		}
		if (errors.isEmpty()) {
			try {
				this.meetings.setAgenda(user, id, choices);
				return "redirect:/sitzungen/" + meeting.id() + "?gespeichert#was-waere-wenn";
			}
			catch (ApiException refused) {
				if (refused.field() == null || refused.status() != HttpStatus.BAD_REQUEST) {
					throw refused;
				}
				String field = refused.field().startsWith("amount-")
						? "betrag-" + refused.field().substring("amount-".length())
						: "antrag-" + refused.field().substring(refused.field().indexOf('-') + 1);
				errors.put(field, Bilingual.local(refused.getMessage()));
			}
		}
		model.addAttribute("typed", fields);
		model.addAttribute("chosen", chosen == null ? List.of() : chosen);
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return this.pages.meetingPage(user, meeting, errors, model);
	}

	@PostMapping("/sitzungen/{id}/beginn")
	String start(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		try {
			this.meetings.start(user, id);
			return "redirect:/sitzungen/" + id + "?begonnen#tagesordnung";
		}
		catch (ApiException refused) {
			if (refused.field() == null) {
				throw refused;
			}
			return refusedOnPage(user, id, "beginn", Bilingual.local(refused.getMessage()), model, response);
		}
		catch (CommandExecutionException refused) {
			return refusedOnPage(user, id, "beginn", this.pages.refusal(refused), model, response);
		}
	}

	@PostMapping("/sitzungen/{id}/schluss")
	String close(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		try {
			this.meetings.close(user, id);
			return "redirect:/sitzungen/" + id + "?geschlossen";
		}
		catch (ApiException refused) {
			if (refused.field() == null) {
				throw refused;
			}
			return refusedOnPage(user, id, "schluss", Bilingual.local(refused.getMessage()), model, response);
		}
	}

	private String refusedOnPage(GrantsUser user, String id, String field, String message, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, message);
		return this.pages.meetingPage(user, this.meetings.meeting(user, id), errors, model);
	}

}
