package de.pfd.grants.server.workspace.admin;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.shared.error.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the administration's forms share: the input read as typed (German money, whole
 * numbers, days), checked by the API's own request records, the refusals of the use cases
 * and of the domain put at their field in the page's language, and the page shown again
 * with HTTP 422. No limit or rule is written here: they are the records' and the use
 * cases'.
 */
@Component
class AdminForms {

	private final Validator validator;

	private final MessageSource messages;

	AdminForms(Validator validator, MessageSource messages) {
		this.validator = validator;
		this.messages = messages;
	}

	/** The problems of one form: the page's field id → the message shown there. */
	static final class Problems {

		private final Map<String, String> byField = new LinkedHashMap<>();

		void add(String field, String message) {
			this.byField.putIfAbsent(field, message);
		}

		boolean isEmpty() {
			return this.byField.isEmpty();
		}

		boolean has(String field) {
			return this.byField.containsKey(field);
		}

		Map<String, String> byField() {
			return this.byField;
		}

	}

	/** One line of the error summary: the field's id (its label is admin.field.id). */
	public record Problem(String field, String message) {
	}

	Problems problems() {
		return new Problems();
	}

	/**
	 * An amount as typed in German ({@code 1.234,56}); with {@code signed} a leading
	 * {@code -} or {@code +} too. Blank: null (the request record says whether it is
	 * required).
	 */
	BigDecimal money(Problems problems, String field, String typed, boolean signed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String text = typed.strip();
		boolean negative = false;
		if (signed && !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '−' || text.charAt(0) == '+')) {
			negative = text.charAt(0) != '+';
			text = text.substring(1);
		}
		BigDecimal amount = text.isBlank() ? null : GermanMoney.parse(text);
		if (amount == null) {
			problems.add(field, text(signed ? "admin.error.money.signed" : "admin.error.money"));
			return null;
		}
		return negative ? amount.negate() : amount;
	}

	/** A whole number as typed; blank: null. */
	Integer number(Problems problems, String field, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(field, text("admin.error.number"));
			return null;
		}
	}

	/** A day as a date field sends it (2026-05-01); blank: null. */
	LocalDate day(Problems problems, String field, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return GermanDay.parse(typed);
		}
		catch (DateTimeParseException ex) {
			problems.add(field, text("admin.error.date"));
			return null;
		}
	}

	/**
	 * The request record checked as the API checks it; {@code fields} maps its components
	 * to the page's field ids (what is not mapped goes to {@code fallback}).
	 */
	void validate(Problems problems, Object request, Map<String, String> fields, String fallback) {
		for (ConstraintViolation<Object> violation : this.validator.validate(request)) {
			String property = violation.getPropertyPath().toString();
			int dot = property.indexOf('.');
			int bracket = property.indexOf('[');
			int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
			String component = end < 0 ? property : property.substring(0, end);
			String field = fields.getOrDefault(component, fallback);
			if (!problems.has(field)) {
				problems.add(field, message(violation));
			}
		}
	}

	private String message(ConstraintViolation<Object> violation) {
		Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
		if (type == NotNull.class || type == NotBlank.class) {
			return text("admin.error.required");
		}
		if (type == EuroAmount.class) {
			return text("admin.error.euro");
		}
		// the validator's own message, in the page's language (its limits are the
		// record's)
		return violation.getMessage();
	}

	/**
	 * A refusal of the domain at its field (or at {@code fallback}); anything that is not
	 * a rule's refusal goes on.
	 */
	void refused(Problems problems, CommandExecutionException refusal, Map<String, String> fields, String fallback) {
		RuleViolation violation = refusal.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refusal);
		if (violation.fields().isEmpty()) {
			problems.add(fallback, local(violation.message(), violation.code().name()));
		}
		violation.fields()
			.forEach(f -> problems.add(fields.getOrDefault(f.field(), fallback),
					local(f.message(), violation.code().name())));
	}

	/**
	 * A refusal of a use case at its field; a 403 or 404 goes on (the page of the error).
	 */
	void refused(Problems problems, ApiException refusal, Map<String, String> fields, String fallback) {
		if (refusal.status() == HttpStatus.FORBIDDEN || refusal.status() == HttpStatus.NOT_FOUND) {
			throw refusal;
		}
		String field = refusal.field() == null ? fallback : fields.getOrDefault(refusal.field(), fallback);
		problems.add(field, local(refusal.getMessage(), refusal.code().name()));
	}

	/**
	 * A message of the domain in the page's language: its German or English half, or, for
	 * a message in English only, the page's text for its error code.
	 */
	String local(String message, String code) {
		if (message != null && message.contains(" / ")) {
			return Bilingual.local(message);
		}
		try {
			return this.messages.getMessage("admin.refused." + code, null, LocaleContextHolder.getLocale());
		}
		catch (NoSuchMessageException ex) {
			return message == null ? text("admin.error.refused") : message;
		}
	}

	/**
	 * The model of a page whose form was refused: the problems at their fields and in the
	 * summary; HTTP 422.
	 */
	void show(Problems problems, Model model, HttpServletResponse response) {
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		}
		model.addAttribute("errors", problems.byField());
		model.addAttribute("summary",
				problems.byField().entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList());
	}

	/** An empty form: no problems. */
	static void none(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("summary", List.of());
		}
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
