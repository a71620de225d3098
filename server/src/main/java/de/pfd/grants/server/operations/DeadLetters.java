package de.pfd.grants.server.operations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * Events that a projection or process could not apply wait in the dead-letter queue, one
 * sequence (an aggregate's events) at a time, while the processor goes on with the
 * others: staff see them with the reason, and retry them after a fix.
 */
@Service
public class DeadLetters {

	/** Retrying stops after this many sequences in one go. */
	static final int MAX_RETRIES = 1000;

	private final JdbcTemplate jdbc;

	private final EventProcessingConfiguration processing;

	DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
		this.jdbc = jdbc;
		this.processing = processing;
	}

	/**
	 * A sequence waiting in the dead-letter queue: its first event failed for this cause.
	 */
	public record DeadLetter(String processingGroup, String sequence, int events, String eventType, String cause,
			Instant enqueuedAt, Instant lastTouched) {
	}

	/** What a retry did: sequences applied now, and those still waiting. */
	public record Retried(String processingGroup, int applied, long waiting) {
	}

	public List<DeadLetter> list() {
		return this.jdbc.query("""
				SELECT d.processing_group, d.sequence_identifier, d.payload_type, d.cause_type, d.cause_message,
				       d.enqueued_at, d.last_touched,
				       (SELECT COUNT(*) FROM dead_letter_entry s
				        WHERE s.processing_group = d.processing_group
				          AND s.sequence_identifier = d.sequence_identifier) AS events
				FROM dead_letter_entry d
				WHERE d.sequence_index = (SELECT MIN(f.sequence_index) FROM dead_letter_entry f
				                          WHERE f.processing_group = d.processing_group
				                            AND f.sequence_identifier = d.sequence_identifier)
				ORDER BY d.enqueued_at, d.processing_group, d.sequence_identifier""",
				(rs, i) -> new DeadLetter(rs.getString("processing_group"), rs.getString("sequence_identifier"),
						rs.getInt("events"), simpleName(rs.getString("payload_type")),
						cause(rs.getString("cause_type"), rs.getString("cause_message")),
						instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched"))));
	}

	public long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class);
		return count == null ? 0 : count;
	}

	/**
	 * Applies the waiting sequences of a processing group again, in order; a sequence
	 * that fails again stays (with its new cause).
	 */
	public Retried retry(String processingGroup) {
		Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = this.processing
			.sequencedDeadLetterProcessor(processingGroup);
		if (processor.isEmpty()) {
			throw new ApiException(
					HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "Keine Warteschlange für " + processingGroup
							+ " in diesem Dienst / no dead-letter queue for " + processingGroup + " in this service",
					null);
		}
		int applied = 0;
		while (applied < MAX_RETRIES && processor.get().processAny()) {
			applied++;
		}
		Long waiting = this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
				Long.class, processingGroup);
		return new Retried(processingGroup, applied, waiting == null ? 0 : waiting);
	}

	private static String simpleName(String type) {
		return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
	}

	private static String cause(String type, String message) {
		if (type == null) {
			return message;
		}
		return simpleName(type) + (message == null ? "" : ": " + message);
	}

	private static Instant instant(String text) {
		return text == null ? null : Instant.parse(text);
	}

}
