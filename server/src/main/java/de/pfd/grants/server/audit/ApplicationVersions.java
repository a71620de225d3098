package de.pfd.grants.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;

/**
 * Every submitted version of an application, in full and as submitted, read from its
 * {@code ApplicationSubmitted} events through the audit trail's query (the HTTP front of
 * the distributed deployment cannot read the event store): who may see the application
 * today may read its versions (the access policy decides, 404 otherwise).
 */
@Service
public class ApplicationVersions {

	private final QueryGateway queries;

	private final AccessPolicy access;

	private final ObjectMapper json;

	ApplicationVersions(QueryGateway queries, AccessPolicy access, ObjectMapper json) {
		this.queries = queries;
		this.access = access;
		this.json = json;
	}

	/**
	 * A version as submitted: {@code content} exactly as the event carries it, when and
	 * by whom, and what changed since the version before (empty for the first).
	 */
	public record Version(String applicationId, int version, Instant submittedAt, String submittedBy, String role,
			Integer round, JsonNode content, Integer previousVersion, List<ContentDiff.Change> changes) {
	}

	/**
	 * Version {@code number} of the application, or 404 (unknown application or version).
	 */
	public Version version(GrantsUser user, String applicationId, int number) {
		ApplicationDetail application = this.access.application(user, applicationId);
		List<AuditEvent> submitted = submissions(application);
		AuditEvent wanted = null;
		AuditEvent previous = null;
		for (AuditEvent event : submitted) {
			int version = payload(event).path("version").asInt();
			if (version == number) {
				wanted = event;
			}
			else if (version < number && (previous == null || version > payload(previous).path("version").asInt())) {
				previous = event;
			}
		}
		if (wanted == null) {
			throw ApiException.notFound("Version / version");
		}
		JsonNode payload = payload(wanted);
		JsonNode content = payload.path("content");
		JsonNode round = payload.get("round");
		List<ContentDiff.Change> changes = previous == null ? List.of()
				: ContentDiff.between(payload(previous).path("content"), content);
		return new Version(application.id().value(), number, wanted.at(), wanted.actor(), wanted.role(),
				round == null || round.isNull() ? null : round.asInt(), content,
				previous == null ? null : payload(previous).path("version").asInt(), changes);
	}

	private List<AuditEvent> submissions(ApplicationDetail application) {
		List<AuditEvent> events = new ArrayList<>();
		FindAuditEventsQuery query = new FindAuditEventsQuery(application.partnershipId(), application.id().value(),
				null, null, List.of("ApplicationSubmitted"), null, null, application.id().value(), null, 0,
				FindAuditEventsQuery.MAX_SIZE)
			.withoutTotal();
		AuditEventPage page;
		do {
			page = this.queries.query(query, ResponseTypes.instanceOf(AuditEventPage.class)).join();
			events.addAll(page.events());
			query = page.events().isEmpty() ? query
					: query.after(page.events().get(page.events().size() - 1).position());
		}
		while (page.events().size() == FindAuditEventsQuery.MAX_SIZE);
		return events;
	}

	private JsonNode payload(AuditEvent event) {
		try {
			return this.json.readTree(event.payloadJson());
		}
		catch (JsonProcessingException unreadable) {
			throw new IllegalStateException("audit event " + event.eventId() + " unreadable", unreadable);
		}
	}

}
