package de.pfd.grants.shared.audit;

import java.time.Instant;

/**
 * One stored event as the audit trail shows it: where it stands in the event stream
 * ({@code position}), when, who ({@code actor} and {@code role} from the metadata;
 * {@code system} for what a process or a deadline did), what ({@code eventType} and the
 * payload as JSON), and which aggregate, application and fund it belongs to.
 * {@code correlationId}: the root of the chain of messages (Axon's trace id);
 * {@code causationId}: the message that caused it (Axon's correlation id).
 * {@code causedBy}: for an event of the system, the latest earlier event of the same
 * chain by another message (what set the process off), else null.
 */
public record AuditEvent(long position, String eventId, Instant at, String aggregateType, String aggregateId,
		Long sequenceNumber, String eventType, String revision, String actor, String role, String correlationId,
		String causationId, String applicationId, String fundId, String payloadJson, Cause causedBy) {

	/** The event that set off what the system did. */
	public record Cause(long position, String eventType, String actor) {
	}

	public boolean bySystem() {
		return "SYSTEM".equals(this.role);
	}

}
