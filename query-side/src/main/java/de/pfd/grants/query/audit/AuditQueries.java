package de.pfd.grants.query.audit;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.persistence.privacy.PersonalDataCipher;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;

/**
 * The audit trail of a partnership from {@code audit_event}, filtered and paged; never an
 * event of another partnership (nor one whose partnership is unknown).
 */
@Component
class AuditQueries {

	private static final String COLUMNS = """
			event_id, global_position, occurred_at, aggregate_type, aggregate_id, sequence_number, event_type,
			revision, actor, actor_role, correlation_id, causation_id, application_id, fund_id, payload_json""";

	private final JdbcTemplate jdbc;

	/**
	 * Personal texts are stored encrypted (ADR 0012): read as they are now, or erased.
	 */
	private final PersonalDataCipher cipher;

	AuditQueries(JdbcTemplate jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@QueryHandler
	AuditEventPage handle(FindAuditEventsQuery query) {
		StringBuilder where = new StringBuilder(" WHERE partnership_id = ?");
		List<Object> args = new ArrayList<>(List.of(query.partnershipId().value()));
		if (query.applicationId() != null) {
			where.append(" AND application_id = ?");
			args.add(query.applicationId());
		}
		if (query.fundId() != null) {
			where.append(" AND fund_id = ?");
			args.add(query.fundId());
		}
		if (query.actor() != null) {
			where.append(" AND actor = ?");
			args.add(query.actor());
		}
		if (!query.eventTypes().isEmpty()) {
			where.append(" AND event_type IN (")
				.append(String.join(", ", query.eventTypes().stream().map(type -> "?").toList()))
				.append(")");
			args.addAll(query.eventTypes());
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= ?");
			args.add(utc(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < ?");
			args.add(utc(query.to()));
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where, Long.class, args.toArray());
		List<Object> paged = new ArrayList<>(args);
		paged.add(query.size());
		paged.add((long) query.page() * query.size());
		List<AuditEvent> events = this.jdbc.query(
				"SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY global_position LIMIT ? OFFSET ?",
				(rs, i) -> event(rs, null), paged.toArray());
		String partnership = query.partnershipId().value();
		return new AuditEventPage(events.stream().map(e -> e.bySystem() ? withCause(e, partnership) : e).toList(),
				total == null ? 0 : total, query.page(), query.size());
	}

	/**
	 * What set off an event of the system: the latest earlier event of the same chain of
	 * messages that another message caused (a process's command, a deadline are new
	 * messages of the chain of the event or command that started them).
	 */
	private AuditEvent withCause(AuditEvent event, String partnership) {
		if (event.correlationId() == null) {
			return event;
		}
		return this.jdbc
			.query("""
					SELECT global_position, event_type, actor FROM audit_event
					WHERE partnership_id = ? AND correlation_id = ? AND global_position < ?
					  AND (causation_id IS NULL OR causation_id <> ?)
					ORDER BY global_position DESC LIMIT 1""",
					(rs, i) -> new AuditEvent.Cause(rs.getLong(1), rs.getString(2), rs.getString(3)), partnership,
					event.correlationId(), event.position(), event.causationId() == null ? "" : event.causationId())
			.stream()
			.findFirst()
			.map(cause -> new AuditEvent(event.position(), event.eventId(), event.at(), event.aggregateType(),
					event.aggregateId(), event.sequenceNumber(), event.eventType(), event.revision(), event.actor(),
					event.role(), event.correlationId(), event.causationId(), event.applicationId(), event.fundId(),
					event.payloadJson(), cause))
			.orElse(event);
	}

	private AuditEvent event(ResultSet rs, AuditEvent.Cause cause) throws SQLException {
		long sequence = rs.getLong("sequence_number");
		Long sequenceNumber = rs.wasNull() ? null : sequence;
		return new AuditEvent(rs.getLong("global_position"), rs.getString("event_id"), instant(rs, "occurred_at"),
				rs.getString("aggregate_type"), rs.getString("aggregate_id"), sequenceNumber,
				rs.getString("event_type"), rs.getString("revision"), rs.getString("actor"), rs.getString("actor_role"),
				rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("application_id"),
				rs.getString("fund_id"), this.cipher.decryptJson(rs.getString("payload_json")), cause);
	}

}
