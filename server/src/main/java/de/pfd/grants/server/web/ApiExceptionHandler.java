package de.pfd.grants.server.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem details with a clear
 * detail, the error code of a refused command, and per-field errors for bad input. Never
 * a 500 for bad input.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** A refusal of the domain, carried as the details of a command failure. */
	@ExceptionHandler(CommandExecutionException.class)
	ResponseEntity<ProblemDetail> refused(CommandExecutionException ex) {
		Optional<RuleViolation> violation = ex.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast);
		if (violation.isEmpty()) {
			return unexpected(ex);
		}
		RuleViolation v = violation.get();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(v.code()), v.message());
		problem.setTitle(title(v.code()));
		problem.setProperty("code", v.code().name());
		if (!v.fields().isEmpty()) {
			problem.setProperty("errors",
					v.fields().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(AggregateStreamCreationException.class)
	ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException ex) {
		return domainProblem(HttpStatus.CONFLICT, ErrorCode.CONFLICT, "Existiert bereits / already exists");
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setProperty("code", ex.code().name());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex instanceof TooManyRequests tooMany) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"Keine Berechtigung / not allowed for your role"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseUnavailable.causedBy(ex)) {
			return unavailable(ex);
		}
		log.error("unexpected failure", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"Interner Fehler / internal error"));
	}

	/**
	 * The database is gone for the moment (restarted, connections cut): a temporary
	 * state, logged as one line, answered 503 with {@code Retry-After}.
	 */
	private static ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("database unavailable: {}", ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE);
		problem.setType(URI.create("about:blank"));
		problem.setTitle("Vorübergehend nicht verfügbar");
		problem.setProperty("code", ErrorCode.UNAVAILABLE.name());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS)
			.body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Ungültige Eingabe / invalid input: " + errors.stream()
					.map(e -> e.get("field") + " " + e.get("message"))
					.reduce((a, b) -> a + "; " + b)
					.orElse("see errors"));
		problem.setProperty("code", ErrorCode.INVALID_INPUT.name());
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = null;
		String message = "Unlesbarer Inhalt / malformed JSON";
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = mapping.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse(null);
			message = notReadable(mapping);
		}
		else if (ex.getCause() instanceof StreamReadException parse && parse.getMessage() != null
				&& parse.getMessage().startsWith("Duplicate field") && parse.getProcessor() != null) {
			field = currentName(parse);
			message = "doppelt angegeben / given twice";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				field == null ? message : "Ungültige Eingabe / invalid input: " + field + " " + message);
		problem.setProperty("code", ErrorCode.INVALID_INPUT.name());
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A query value or path variable of the wrong kind ({@code size=abc},
	 * {@code from=gestern}): bad input at that parameter, said in both languages.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		String message = expected(ex.getRequiredType());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Ungültige Eingabe / invalid input: " + field + " " + message);
		problem.setProperty("code", ErrorCode.INVALID_INPUT.name());
		problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message", message)));
		return ResponseEntity.badRequest().body(problem);
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "ungültiger Wert / invalid value";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "eine ganze Zahl erwartet / a whole number expected";
		}
		if (type == java.time.Instant.class) {
			return "ein Zeitpunkt wie 2026-12-04T12:00:00Z erwartet / an instant such as 2026-12-04T12:00:00Z expected";
		}
		if (type == java.time.LocalDate.class) {
			return "ein Tag wie 2026-12-04 erwartet / a day such as 2026-12-04 expected";
		}
		if (type.isEnum()) {
			return "unbekannter Wert; erlaubt / unknown value; allowed: " + List.of(type.getEnumConstants());
		}
		return "ungültiger Wert / invalid value";
	}

	private static String currentName(StreamReadException parse) {
		try {
			return parse.getProcessor().currentName();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String notReadable(JsonMappingException mapping) {
		if (mapping instanceof UnrecognizedPropertyException) {
			return "unbekanntes Feld / unknown field";
		}
		if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
			if (invalid.getTargetType().isEnum()) {
				return "unknown value; allowed: " + List.of(invalid.getTargetType().getEnumConstants());
			}
			if (invalid.getTargetType() == String.class) {
				// the text rules say why (control characters, unpaired surrogates)
				return invalid.getOriginalMessage();
			}
		}
		return "invalid value";
	}

	/**
	 * A header or URL the firewall refuses when it is read (e.g. a control character in
	 * {@code Idempotency-Key}): bad input, not a failure.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
		return domainProblem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT,
				"Ungültiges Zeichen in der Anfrage / the request holds a character that is not allowed");
	}

	private static ResponseEntity<ProblemDetail> domainProblem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code.name());
		return ResponseEntity.status(status).body(problem);
	}

	static HttpStatus status(ErrorCode code) {
		return switch (code) {
			case INVALID_AMOUNT, INVALID_INPUT, DOCUMENT_TYPE_NOT_ALLOWED -> HttpStatus.BAD_REQUEST;
			case SUBMISSION_INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_ELIGIBLE_TO_VOTE -> HttpStatus.FORBIDDEN;
			case FAST_TRACK_LIMIT_EXCEEDED, IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
			case NOT_YET_VISIBLE, UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case REQUEST_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			case FUND_ALREADY_EXISTS, FUND_CLOSED, BUDGET_EXHAUSTED, BUDGET_BELOW_RESERVED, ALREADY_RESERVED,
					NOT_RESERVED, RELEASE_EXCEEDS_RESERVATION, PAYOUT_EXCEEDS_RESERVATION, REFUND_EXCEEDS_PAID,
					PARTNERSHIP_ALREADY_EXISTS, CONFLICT, WRONG_STATUS, PAYOUT_REQUEST_EXCEEDS_APPROVAL,
					PAYOUT_EXCEEDS_REQUEST, REFUND_EXCEEDS_CLAIM, FOUR_EYES_REQUIRED, ALREADY_REVIEWED,
					ALREADY_REVERSED, DOCUMENT_LIMIT_REACHED, ALREADY_ERASED, RETENTION_PERIOD_RUNNING ->
				HttpStatus.CONFLICT;
		};
	}

	private static String title(ErrorCode code) {
		return switch (status(code)) {
			case BAD_REQUEST -> "Ungültige Eingabe";
			case NOT_FOUND -> "Nicht gefunden";
			case FORBIDDEN -> "Keine Berechtigung";
			case UNPROCESSABLE_ENTITY -> "Antrag unvollständig oder widersprüchlich";
			case SERVICE_UNAVAILABLE ->
				code == ErrorCode.NOT_YET_VISIBLE ? "Noch nicht sichtbar" : "Vorübergehend nicht verfügbar";
			default -> "Nicht möglich im aktuellen Zustand";
		};
	}

}
