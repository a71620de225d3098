package de.pfd.grants.server.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	/** One event of the trail. */
	public record AuditEventResponse(long position, String eventId, Instant at, String type, String revision,
			String actor, String role, String summary, String aggregateType, String aggregateId, Long sequenceNumber,
			String applicationId, String fundId, String correlationId, String causationId, AuditEvent.Cause causedBy,
			JsonNode payload) {
	}

	/** A page of the trail. */
	public record AuditEventsResponse(List<AuditEventResponse> events, long total, int page, int size) {
	}

	@GetMapping("/api/audit/events")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The partnership's audit trail, oldest first by the events' global position: who (acting "
			+ "user and role from the metadata; SYSTEM for processes and deadlines, with the event that set it off), "
			+ "when, what (type, a sentence in the request's language, the payload), which application and fund")
	AuditEventsResponse events(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String applicationId, @RequestParam(required = false) String fundId,
			@Parameter(description = "the acting user's login") @RequestParam(name = "user",
					required = false) String acting,
			@Parameter(description = "the same as user (an earlier name)") @RequestParam(required = false) String actor,
			@Parameter(description = "event types (simple names, e.g. VoteCast); several allowed") @RequestParam(
					name = "type", required = false) List<String> types,
			@Parameter(description = "from this instant (inclusive)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "to this instant (exclusive)") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || page > 1_000_000) {
			throw ApiException.badInput("page", "0 bis 1.000.000 / 0 to 1,000,000");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.badInput("size", "1 bis " + MAX_SIZE + " / 1 to " + MAX_SIZE);
		}
		AuditEventPage found = this.audit.trail(user,
				new AuditFilter(applicationId, fundId, acting != null ? acting : actor, types, from, to), page, size);
		return new AuditEventsResponse(found.events().stream().map(this::response).toList(), found.total(),
				found.page(), found.size());
	}

	private AuditEventResponse response(AuditEvent event) {
		return new AuditEventResponse(event.position(), event.eventId(), event.at(), event.eventType(),
				event.revision(), event.actor(), event.role(), this.sentences.what(event), event.aggregateType(),
				event.aggregateId(), event.sequenceNumber(), event.applicationId(), event.fundId(),
				event.correlationId(), event.causationId(), event.causedBy(), payload(event));
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
