package de.pfd.grants.server.axon;

import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far a processor has come, as its tokens in the database say: also the work of
 * another node. Nodes on one database split each processor's segments by claims; a node
 * that holds none of a projection's segments handles none of its events and hears of no
 * read-model update, yet its requests must see their writes, and it must know when
 * another node has caught up.
 */
@Component
public class ProcessorProgress {

	private final JdbcTemplate jdbc;

	private final Serializer serializer;

	private final EventProcessingConfiguration processing;

	ProcessorProgress(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.processing = processing;
	}

	/**
	 * Whether this node processes every segment of the processor itself (then it hears of
	 * every update).
	 */
	public boolean processedHere(String processor) {
		return this.processing.eventProcessor(processor, StreamingEventProcessor.class)
			.map(p -> holdsAll(p.processingStatus()))
			.orElse(false);
	}

	/** Whether the claimed segments add up to the whole processor. */
	static boolean holdsAll(Map<Integer, EventTrackerStatus> status) {
		// a segment of mask m is 1/(m+1) of the whole
		long whole = 1L << 32;
		long held = status.values().stream().mapToLong(s -> whole / (s.getSegment().getMask() + 1L)).sum();
		return held >= whole;
	}

	/**
	 * Whether every segment of the processor has handled the event at the global index
	 * (and so every read row it wrote for it is committed).
	 */
	public boolean reached(String processor, long globalIndex) {
		List<TrackingToken> tokens = tokens(processor);
		return !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, globalIndex));
	}

	/**
	 * Whether the processor's read model shows the aggregate's events after {@code shown}
	 * up to {@code sequence}: each is stored and handled, and none of the aggregate's
	 * events waits in the dead-letter queue.
	 */
	public boolean shows(String processor, String aggregateId, long shown, long sequence) {
		List<Long> indexes = this.jdbc.queryForList("""
				SELECT global_index FROM domain_event_entry
				WHERE aggregate_identifier = ? AND sequence_number > ? AND sequence_number <= ?""", Long.class,
				aggregateId, shown, sequence);
		if (indexes.size() < sequence - shown) {
			return false;
		}
		List<TrackingToken> tokens = tokens(processor);
		return !tokens.isEmpty()
				&& tokens.stream().allMatch(token -> indexes.stream().allMatch(index -> covers(token, index)))
				&& this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ? AND aggregate_identifier = ?",
						Long.class, processor, aggregateId) == 0;
	}

	/** The processor's tokens, one per segment; null for a segment that has none yet. */
	private List<TrackingToken> tokens(String processor) {
		return this.jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
				(rs, i) -> token(rs.getBytes("token"), rs.getString("token_type")), processor);
	}

	private TrackingToken token(byte[] token, String type) {
		return token == null || type == null ? null
				: this.serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
	}

	/** Whether the token is past the index and the index is no gap it still waits for. */
	static boolean covers(TrackingToken token, long index) {
		TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
		if (current instanceof GapAwareTrackingToken gapAware) {
			return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
		}
		return current != null && current.position().orElse(-1) >= index;
	}

}
