package de.pfd.grants.server.workspace.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * What the meeting pages share: the model of a meeting's page (agenda choice, what-if,
 * votes and resolutions) and of one application's vote, the error summary's lines, and
 * the refusals of the use cases shown as a page.
 */
@Component
class MeetingModel {

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final MeetingUseCases meetings;

	private final FundUseCases funds;

	private final MessageSource messages;

	MeetingModel(MeetingUseCases meetings, FundUseCases funds, MessageSource messages) {
		this.meetings = meetings;
		this.funds = funds;
		this.messages = messages;
	}

	Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

	/** The page of a meeting; {@code errors} by field id (none: an empty map). */
	String meetingPage(GrantsUser user, Meeting meeting, Map<String, String> errors, Model model) {
		model.addAttribute("meeting", meeting);
		model.addAttribute("fund", fundsById(user).get(meeting.fundId().value()));
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary(errors));
		if (meeting.status() == Meeting.Status.PLANNED) {
			List<ApplicationSummary> candidates = this.meetings.candidates(user, meeting);
			model.addAttribute("candidates", candidates);
			Map<String, Meeting.Item> items = new LinkedHashMap<>();
			meeting.items().forEach(item -> items.put(item.applicationId().value(), item));
			model.addAttribute("items", items);
			Map<String, String> amounts = new LinkedHashMap<>();
			meeting.items()
				.stream()
				.filter(item -> item.whatIfAmount() != null)
				.forEach(item -> amounts.put(item.applicationId().value(), GermanMoney.format(item.whatIfAmount())));
			model.addAttribute("itemAmounts", amounts);
			if (!model.containsAttribute("typed")) {
				model.addAttribute("typed", Map.of());
			}
		}
		else {
			List<MeetingUseCases.VoteState> states = new ArrayList<>();
			for (Meeting.Item item : meeting.items()) {
				states.add(this.meetings.voteState(user, item.applicationId().value()));
			}
			model.addAttribute("states", states);
			model.addAttribute("allDecided",
					states.stream()
						.allMatch(s -> s.application().status() != ApplicationStatus.IN_VOTING
								&& s.application().status() != ApplicationStatus.READY_FOR_DECISION));
		}
		model.addAttribute("whatIf",
				meeting.status() == Meeting.Status.CLOSED ? null : this.meetings.whatIf(user, meeting));
		if (!model.containsAttribute("resolution")) {
			model.addAttribute("resolution", Map.of());
		}
		return "sitzungen/sitzung";
	}

	/** The page of one application's vote outside a meeting. */
	String votePage(GrantsUser user, String applicationId, Map<String, String> errors, Model model) {
		MeetingUseCases.VoteState state = this.meetings.voteState(user, applicationId);
		model.addAttribute("state", state);
		model.addAttribute("app", state.application());
		model.addAttribute("fund", fundsById(user).get(state.application().fundId().value()));
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary(errors));
		Duration circular = this.meetings.rules(user, state.application().decisionBody()).circularDuration();
		if (!model.containsAttribute("closesAt")) {
			model.addAttribute("closesAt",
					Instant.now().plus(circular).atZone(PartnershipCalendar.ZONE).format(LOCAL_INPUT));
		}
		model.addAttribute("circularDays", circular.toDays());
		if (!model.containsAttribute("procedure")) {
			model.addAttribute("procedure", "CIRCULAR");
		}
		if (!model.containsAttribute("resolution")) {
			model.addAttribute("resolution", Map.of());
		}
		return "sitzungen/abstimmung";
	}

	/** A line of the error summary: the field's id, its label, the message. */
	record ErrorItem(String anchor, String labelKey, int row, String message, String href) {
	}

	static List<ErrorItem> summary(Map<String, String> errors) {
		return errors.entrySet().stream().map(e -> {
			String key = e.getKey();
			int dash = key.indexOf('-');
			String kind = dash < 0 ? key : key.substring(0, dash);
			return new ErrorItem(key, "meeting.field." + kind, 0, e.getValue(), "#" + key);
		}).toList();
	}

	/** A refusal of the command side in the page's language. */
	String refusal(CommandExecutionException refused) {
		RuleViolation violation = refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refused);
		if (violation.code() == ErrorCode.INVALID_AMOUNT) {
			return text("meeting.error.amount");
		}
		if (violation.code() == ErrorCode.BUDGET_EXHAUSTED || violation.code() == ErrorCode.FUND_CLOSED) {
			return Bilingual.local(violation.message());
		}
		String message = violation.message();
		return message != null && message.contains(" / ") ? Bilingual.local(message)
				: text("meeting.error.refused", message);
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	static String euro(de.pfd.grants.shared.money.Money money) {
		return GermanMoney.format(money);
	}

}
