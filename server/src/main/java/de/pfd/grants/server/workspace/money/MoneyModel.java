package de.pfd.grants.server.workspace.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.grant.GrantController;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.error.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * What the staff's money pages of one application share: the application as its use case
 * gives it (404 for another partnership's), the problems of a refused form (at the field,
 * in the summary on top, HTTP 422), a refusal of the domain in the page's language, and
 * the input as people in Germany type it (amounts, dates).
 */
@Component
class MoneyModel {

	private final ApplicationUseCases applications;

	private final MessageSource messages;

	private final Validator validator;

	private final GrantUseCases grants;

	MoneyModel(ApplicationUseCases applications, GrantUseCases grants, MessageSource messages, Validator validator) {
		this.grants = grants;
		this.applications = applications;
		this.messages = messages;
		this.validator = validator;
	}

	/** The application the user may see; 404 otherwise (the use case decides). */
	ApplicationDetail application(GrantsUser user, String id) {
		return this.applications.detail(user, id);
	}

	/** The page's model: the application, its grant, the problems (none yet). */
	String page(String view, ApplicationDetail application, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("g", application.grant());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return view;
	}

	/** The page again with the problems, HTTP 422. */
	String refused(String view, ApplicationDetail application, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("errors", errors);
		model.addAttribute("summary",
				errors.entrySet()
					.stream()
					.map(e -> new Problem(label(e.getKey()), 0, e.getValue(), "#" + e.getKey()))
					.toList());
		return page(view, application, model);
	}

	/** A line of the error summary (as {@code antraege/fehler :: summary} shows it). */
	record Problem(String labelKey, int row, String message, String href) {
	}

	/**
	 * The label of a field: a row's field ({@code release-2}) is labelled as its kind.
	 */
	private static String label(String field) {
		return "money.field." + field.replaceAll("-\\d+(?=-|$)", "");
	}

	/**
	 * The German (or, with {@code ?lang=en}, English) words for a refusal of the domain;
	 * null when the command failed for no rule (then it is not the user's to fix).
	 */
	String refusal(CommandExecutionException refused) {
		RuleViolation violation = refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refused);
		String message = violation.message();
		if (message != null && message.contains(" / ")) {
			return Bilingual.local(message);
		}
		// the domain says some only in English: the bundle says them in the page's
		// language
		return this.messages.getMessage("money.refused." + violation.code().name(), null, Bilingual.local(message),
				LocaleContextHolder.getLocale());
	}

	/**
	 * The field a refusal of the domain names ({@code amount}, {@code paidOn}), or null.
	 */
	static String refusedField(CommandExecutionException refused) {
		return refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.flatMap(v -> v.fields().stream().findFirst())
			.map(RuleViolation.FieldViolation::field)
			.orElse(null);
	}

	/**
	 * Checks the input with the API's own request record: each violated property as the
	 * page's field (the first problem of each).
	 */
	void validate(Object body, Map<String, String> fields, Map<String, String> errors) {
		for (ConstraintViolation<Object> v : this.validator.validate(body)) {
			String property = v.getPropertyPath().toString();
			errors.putIfAbsent(fields.getOrDefault(property, fields.values().iterator().next()), v.getMessage());
		}
	}

	/**
	 * An amount in euros over 0 as typed ({@code 1.234,56}), or null with the problem
	 * noted at the field.
	 */
	BigDecimal amount(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.put(field, text("money.error.amount.missing"));
			return null;
		}
		BigDecimal euros = GermanMoney.parse(typed);
		if (euros == null || euros.signum() <= 0) {
			errors.put(field, text("money.error.amount"));
			return null;
		}
		return euros;
	}

	/** An amount of 0 or more (an eligible amount may be nothing at all). */
	BigDecimal amountOrZero(String typed, String field, Map<String, String> errors) {
		if (typed != null && !typed.isBlank()) {
			BigDecimal euros = GermanMoney.parse(typed);
			if (euros != null && euros.signum() == 0) {
				return euros;
			}
		}
		return amount(typed, field, errors);
	}

	/**
	 * A day as the date field sends it ({@code 2026-05-01}), or null with the problem.
	 */
	LocalDate day(String typed, String field, Map<String, String> errors) {
		if (typed == null || typed.isBlank()) {
			errors.put(field, text("money.error.date.missing"));
			return null;
		}
		try {
			return GermanDay.parse(typed);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, text("money.error.date"));
			return null;
		}
	}

	/**
	 * A payout's or a refund's reversal with its reason (required, the API's
	 * {@code CancellationBody} limits): the refusals at {@code field}, none once
	 * reversed.
	 */
	Map<String, String> reversal(GrantsUser user, ApplicationDetail application, boolean refund, String paymentId,
			String reason, String field) {
		Map<String, String> errors = new LinkedHashMap<>();
		String why = optional(reason);
		if (why == null) {
			errors.put(field, text("money.error.reason"));
		}
		else {
			validate(new GrantController.CancellationBody(why), Map.of("reason", field), errors);
		}
		if (errors.isEmpty()) {
			try {
				this.grants.reverse(user, application.id().value(), refund, paymentId, why);
			}
			catch (CommandExecutionException refused) {
				errors.put(field, refusal(refused));
			}
		}
		return errors;
	}

	/** A text as typed, stripped; null when blank. */
	static String optional(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

	/** The problems of a refusal, at the field it names or at the fallback. */
	Map<String, String> refusedAt(CommandExecutionException refused, Map<String, String> fields, String fallback) {
		Map<String, String> errors = new LinkedHashMap<>();
		String field = refusedField(refused);
		errors.put(field == null ? fallback : fields.getOrDefault(field, fallback), refusal(refused));
		return errors;
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/**
	 * The index of a payment in a list of ids, for the field of its row; -1 if absent.
	 */
	static int row(List<String> ids, String id) {
		return ids.indexOf(id);
	}

}
