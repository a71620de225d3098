package de.pfd.grants.server.workspace.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A resolution recorded after the meeting counts on the meeting's day, if the meeting's
 * votes were opened on that day; otherwise (and on the day itself) it counts when it is
 * recorded.
 */
class MeetingResolutionTimeTest {

	private static final String ITEM = "application-1";

	private static final LocalDate DAY = PartnershipCalendar.dayOf(Instant.now()).minusDays(7);

	private static Meeting heldOn(LocalDate day, Instant startedAt) {
		return new Meeting("m-1", new PartnershipId("kreis-mettmann"), new FundId("fund-1"),
				DecisionBodyType.STEERING_BOARD, "Sitzung", day, Meeting.Status.STARTED, "staff", startedAt, startedAt,
				null, List.of(new Meeting.Item(new ApplicationId(ITEM), 1, null)));
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 0)).atZone(PartnershipCalendar.ZONE).toInstant();
	}

	@Test
	void minutes_recorded_later_count_on_the_meetings_day_not_before_the_votes_opened() {
		assertThat(MeetingUseCases.resolutionTime(heldOn(DAY, at(DAY, 9)), ITEM)).isEqualTo(at(DAY, 12));
		assertThat(MeetingUseCases.resolutionTime(heldOn(DAY, at(DAY, 17)), ITEM)).isEqualTo(at(DAY, 17));
	}

	@Test
	void otherwise_a_resolution_counts_when_it_is_recorded() {
		// the votes were opened only after the meeting: the history says so
		assertThat(MeetingUseCases.resolutionTime(heldOn(DAY, at(DAY.plusDays(2), 9)), ITEM)).isNull();
		// on the day itself
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		assertThat(MeetingUseCases.resolutionTime(heldOn(today, Instant.now()), ITEM)).isNull();
		// not on its agenda, or not started
		assertThat(MeetingUseCases.resolutionTime(heldOn(DAY, at(DAY, 9)), "another")).isNull();
		assertThat(MeetingUseCases.resolutionTime(heldOn(DAY, null), ITEM)).isNull();
	}

}
