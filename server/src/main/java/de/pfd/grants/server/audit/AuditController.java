package de.pfd.grants.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The audit trail as JSON, for staff and auditors of the partnership: the same use case
 * and query as the pages ({@code /pruefung}).
 */
@RestController
@Tag(name = "Audit", description = "Prüfpfad: jedes Ereignis mit wer, Rolle, wann, was")
@SecurityRequirement(name = "basic")
public class AuditController {

	static final String NDJSON = "application/x-ndjson";

	/** The most events one page of the API holds. */
	static final int MAX_SIZE = 500;

	private final AuditUseCases audit;

	private final AuditSentences sentences;

	private final ObjectMapper json;

	AuditController(AuditUseCases audit, AuditSentences sentences, ObjectMapper json) {
		this.audit = audit;
		this.sentences = sentences;
		this.json = json;
	}

	/**
	 * One event of the trail: {@code summary} in the request's language (Accept-Language,
	 * German unless English is preferred), {@code summaryDe} and {@code summaryEn} both.
	 */
	public record AuditEventResponse(long position, String eventId, Instant at, String type, String revision,
			String actor, String role, String summary, String summaryDe, String summaryEn, String aggregateType,
			String aggregateId, Long sequenceNumber, String applicationId, String fundId, String correlationId,
			String causationId, AuditEvent.Cause causedBy, JsonNode payload) {
	}

	/**
	 * A page of the trail; {@code nextAfter}: the position of its last event, to ask for
	 * the next page with {@code after=} (stable while events are appended), null for an
	 * empty page.
	 */
	public record AuditEventsResponse(List<AuditEventResponse> events, long total, int page, int size, Long after,
			Long nextAfter) {
	}

	@GetMapping("/api/audit/events")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The partnership's audit trail, oldest first by the events' global position: who (acting "
			+ "user and role from the metadata; SYSTEM for processes and deadlines, with the event that set it off), "
			+ "when, what (type, a sentence in the request's language and in German and English, the payload), which "
			+ "aggregate, application and fund. Page by page=/size= or, stable under concurrent appends, by after= "
			+ "(the nextAfter of the page before). With Accept: application/x-ndjson every matching event, one JSON "
			+ "object per line")
	AuditEventsResponse events(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String applicationId, @RequestParam(required = false) String fundId,
			@Parameter(
					description = "the events of one aggregate (an application, a fund, a decision body, ...)") @RequestParam(
							required = false) String aggregateId,
			@Parameter(description = "the acting user's login") @RequestParam(name = "user",
					required = false) String acting,
			@Parameter(description = "the same as user (an earlier name)") @RequestParam(required = false) String actor,
			@Parameter(description = "event types (simple names, e.g. VoteCast); several allowed") @RequestParam(
					name = "type", required = false) List<String> types,
			@Parameter(description = "from this instant (inclusive)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "to this instant (exclusive)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(
					description = "a cursor: only events after this global position (page then counts from it)") @RequestParam(
							required = false) Long after,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		if (page < 0 || page > 1_000_000) {
			throw ApiException.badInput("page", "0 bis 1.000.000 / 0 to 1,000,000");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.badInput("size", "1 bis " + MAX_SIZE + " / 1 to " + MAX_SIZE);
		}
		if (after != null && after < 0) {
			throw ApiException.badInput("after", "eine Position ab 0 / a position from 0");
		}
		AuditEventPage found = this.audit.trail(user,
				filter(applicationId, fundId, aggregateId, acting, actor, types, from, to), after, page, size);
		Locale locale = locale(language);
		List<AuditEventResponse> events = found.events().stream().map(event -> response(event, locale)).toList();
		return new AuditEventsResponse(events, found.total(), found.page(), found.size(), after,
				events.isEmpty() ? null : events.get(events.size() - 1).position());
	}

	@GetMapping(path = "/api/audit/events", produces = NDJSON)
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Every event the filters match, oldest first, streamed as NDJSON (one event per line, as in "
			+ "the JSON pages), read page by page by position")
	ResponseEntity<StreamingResponseBody> stream(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String applicationId, @RequestParam(required = false) String fundId,
			@RequestParam(required = false) String aggregateId,
			@RequestParam(name = "user", required = false) String acting, @RequestParam(required = false) String actor,
			@RequestParam(name = "type", required = false) List<String> types,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "a cursor: only events after this global position") @RequestParam(
					required = false) Long after,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		if (after != null && after < 0) {
			throw ApiException.badInput("after", "eine Position ab 0 / a position from 0");
		}
		AuditUseCases.Trail trail = this.audit.whole(user,
				filter(applicationId, fundId, aggregateId, acting, actor, types, from, to), after);
		Locale locale = locale(language);
		StreamingResponseBody body = out -> {
			try {
				trail.forEach(event -> {
					try {
						out.write(this.json.writeValueAsBytes(response(event, locale)));
						out.write('\n');
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		};
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
	}

	@GetMapping(path = "/api/audit/events.ndjson")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The same as GET /api/audit/events with Accept: application/x-ndjson")
	ResponseEntity<StreamingResponseBody> ndjson(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String applicationId, @RequestParam(required = false) String fundId,
			@RequestParam(required = false) String aggregateId,
			@RequestParam(name = "user", required = false) String acting, @RequestParam(required = false) String actor,
			@RequestParam(name = "type", required = false) List<String> types,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "a cursor: only events after this global position") @RequestParam(
					required = false) Long after,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		return stream(user, applicationId, fundId, aggregateId, acting, actor, types, from, to, after, language);
	}

	private static AuditFilter filter(String applicationId, String fundId, String aggregateId, String acting,
			String actor, List<String> types, Instant from, Instant to) {
		return new AuditFilter(applicationId, fundId, acting != null ? acting : actor, types, from, to, aggregateId);
	}

	/**
	 * The request's language for the summary: English if preferred to German, else
	 * German.
	 */
	static Locale locale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.GERMAN;
		}
		try {
			Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
					List.of(Locale.GERMAN, Locale.ENGLISH));
			return found == null ? Locale.GERMAN : found;
		}
		catch (IllegalArgumentException malformed) {
			return Locale.GERMAN;
		}
	}

	private AuditEventResponse response(AuditEvent event, Locale locale) {
		String german = this.sentences.what(event, Locale.GERMAN);
		String english = this.sentences.what(event, Locale.ENGLISH);
		return new AuditEventResponse(event.position(), event.eventId(), event.at(), event.eventType(),
				event.revision(), event.actor(), event.role(), Locale.ENGLISH.equals(locale) ? english : german, german,
				english, event.aggregateType(), event.aggregateId(), event.sequenceNumber(), event.applicationId(),
				event.fundId(), event.correlationId(), event.causationId(), event.causedBy(), payload(event));
	}

	private JsonNode payload(AuditEvent event) {
		try {
			return this.json.readTree(event.payloadJson());
		}
		catch (JsonProcessingException unreadable) {
			return null;
		}
	}

}
