package de.pfd.grants.server.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/**
 * A node hears of every read-model update only if it holds every segment; the token store
 * says what a processor on any node has handled: nothing past its position, and not the
 * gaps it still waits for.
 */
class ProcessorProgressTest {

	@Test
	void a_node_holds_a_processor_only_with_all_of_its_segments() {
		Segment[] halves = Segment.ROOT_SEGMENT.split();
		Segment[] quarters = halves[1].split();
		assertThat(ProcessorProgress.holdsAll(Map.of())).isFalse();
		assertThat(ProcessorProgress.holdsAll(claimed(Segment.ROOT_SEGMENT))).isTrue();
		assertThat(ProcessorProgress.holdsAll(claimed(halves[0]))).isFalse();
		assertThat(ProcessorProgress.holdsAll(claimed(halves[0], quarters[0]))).isFalse();
		assertThat(ProcessorProgress.holdsAll(claimed(halves[0], quarters[0], quarters[1]))).isTrue();
	}

	@Test
	void a_token_covers_what_it_has_passed_except_its_gaps() {
		GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(7L));
		assertThat(ProcessorProgress.covers(token, 6)).isTrue();
		assertThat(ProcessorProgress.covers(token, 7)).as("a gap").isFalse();
		assertThat(ProcessorProgress.covers(token, 10)).isTrue();
		assertThat(ProcessorProgress.covers(token, 11)).isFalse();
		assertThat(ProcessorProgress.covers(null, 0)).as("no token yet").isFalse();
	}

	@Test
	void a_replaying_processor_covers_only_what_it_has_replayed() {
		var replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, List.of()),
				GapAwareTrackingToken.newInstance(4, List.of()));
		assertThat(ProcessorProgress.covers(replaying, 4)).isTrue();
		assertThat(ProcessorProgress.covers(replaying, 5)).isFalse();
	}

	private static Map<Integer, EventTrackerStatus> claimed(Segment... segments) {
		Map<Integer, EventTrackerStatus> status = new HashMap<>();
		for (Segment segment : segments) {
			EventTrackerStatus tracker = mock(EventTrackerStatus.class);
			when(tracker.getSegment()).thenReturn(segment);
			status.put(segment.getSegmentId(), tracker);
		}
		return status;
	}

}
