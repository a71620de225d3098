package de.pfd.grants.query.audit;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.persistence.privacy.PersonalDataCipher;

/**
 * Every event into {@code audit_event}: one row per event, keyed by its id and inserted
 * once, so a replay or a redelivered event changes nothing; a reset empties the table and
 * a replay writes the same rows again. Who acted comes from the metadata that every
 * command carries into its events (the acting user and role; {@code system} for processes
 * and deadlines). Where an event belongs (partnership, application, fund) comes from its
 * payload, or, for events that name only their aggregate, from the aggregate's first
 * event that named a partnership ({@code audit_scope}).
 * <p>
 * It takes every event whatever its type, so it is a plain {@link EventMessageHandler}
 * registered with its processing group ({@link Registration}) rather than a set of
 * {@code @EventHandler} methods, each of which takes one revised event record (ADR 0009).
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
class AuditTrailProjection implements EventMessageHandler {

	static final String GROUP = "audit-trail";

	private static final String INSERT = """
			INSERT INTO audit_event (event_id, global_position, occurred_at, aggregate_type, aggregate_id,
			    sequence_number, event_type, revision, actor, actor_role, correlation_id, causation_id,
			    partnership_id, application_id, fund_id, payload_json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING""";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	/** Scopes are facts that never change: kept once read. */
	private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

	private final Serializer events;

	AuditTrailProjection(JdbcTemplate jdbc, ObjectMapper json, @Qualifier("eventSerializer") Serializer events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	record Scope(String partnershipId, String fundId, String applicationId) {
	}

	/** Registers the projection with the processor of its group. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Autowired
		void register(EventProcessingConfigurer processing, AuditTrailProjection projection) {
			processing.registerEventHandler(configuration -> projection);
		}

	}

	@Override
	public Object handle(EventMessage<?> event) throws JsonProcessingException {
		on(event.getPayload(), event, event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null);
		return null;
	}

	void on(Object payload, EventMessage<?> event, TrackingToken token) throws JsonProcessingException {
		// the payload as the event store holds it (money as 4500.00, not as a tree's
		// 4.5E+3; personal texts encrypted, decrypted when read by AuditQueries and
		// unreadable once erased, ADR 0012), so a replay writes the same bytes; an event
		// upcast from plain texts is encrypted here
		String payloadJson = event.serializePayload(this.events, String.class).getData();
		if (payloadJson.contains("\"" + PersonalDataCipher.LEGACY)) {
			payloadJson = this.events.serialize(payload, String.class).getData();
		}
		JsonNode tree = this.json.readTree(payloadJson);
		String aggregateType = null;
		String aggregateId = null;
		Long sequence = null;
		if (event instanceof DomainEventMessage<?> domain) {
			aggregateType = domain.getType();
			aggregateId = domain.getAggregateIdentifier();
			sequence = domain.getSequenceNumber();
		}
		String partnership = text(tree, "partnershipId");
		String fund = text(tree, "fundId");
		String application = text(tree, "applicationId");
		Optional<Scope> own = aggregateId == null ? Optional.empty() : scope(aggregateId);
		if (own.isPresent()) {
			partnership = partnership == null ? own.get().partnershipId() : partnership;
			fund = fund == null ? own.get().fundId() : fund;
			application = application == null ? own.get().applicationId() : application;
		}
		if (partnership == null && fund != null) {
			partnership = scope(fund).map(Scope::partnershipId).orElse(null);
		}
		if (partnership == null && application != null) {
			partnership = scope(application).map(Scope::partnershipId).orElse(null);
		}
		if (fund == null && application != null) {
			fund = scope(application).map(Scope::fundId).orElse(null);
		}
		if (own.isEmpty() && aggregateId != null && partnership != null) {
			Scope scope = new Scope(partnership, fund, aggregateId.equals(application) ? application : null);
			this.jdbc.update("""
					INSERT INTO audit_scope (aggregate_id, partnership_id, fund_id, application_id) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING""", aggregateId, scope.partnershipId(), scope.fundId(),
					scope.applicationId());
			this.scopes.put(aggregateId, scope);
		}
		Revision revision = payload.getClass().getAnnotation(Revision.class);
		this.jdbc.update(INSERT, event.getIdentifier(), position(token, event), utc(event.getTimestamp()),
				aggregateType, aggregateId, sequence, payload.getClass().getSimpleName(),
				revision == null ? null : revision.value(), meta(event, "userId"), meta(event, "userRole"),
				meta(event, "traceId"), meta(event, "correlationId"), partnership, application, fund, payloadJson);
	}

	@Override
	public void prepareReset() {
		this.scopes.clear();
		this.jdbc.update("DELETE FROM audit_event");
		this.jdbc.update("DELETE FROM audit_scope");
	}

	private Optional<Scope> scope(String aggregateId) {
		Scope known = this.scopes.get(aggregateId);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Scope> stored = this.jdbc
			.query("SELECT partnership_id, fund_id, application_id FROM audit_scope WHERE aggregate_id = ?",
					(rs, i) -> new Scope(rs.getString(1), rs.getString(2), rs.getString(3)), aggregateId)
			.stream()
			.findFirst();
		stored.ifPresent(scope -> this.scopes.put(aggregateId, scope));
		return stored;
	}

	/**
	 * The event's place in the stream: its tracking token's position (the JDBC store's
	 * global index, or Axon Server's token); without a token (a handler called directly)
	 * the aggregate's sequence.
	 */
	private static long position(TrackingToken token, EventMessage<?> event) {
		if (token != null && token.position().isPresent()) {
			return token.position().getAsLong();
		}
		return event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
	}

	private static String meta(EventMessage<?> event, String key) {
		Object value = event.getMetaData().get(key);
		return value == null ? null : value.toString();
	}

	private static String text(JsonNode tree, String field) {
		JsonNode value = tree.get(field);
		return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
	}

}
