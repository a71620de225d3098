package de.pfd.grants.command.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.fund.FundTerms;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * An application submitted up to a round's deadline (a day in the partnership's calendar)
 * belongs to that round; after the last deadline to none. Its approval names the round,
 * so that the fund counts the money in that round's share.
 */
class SubmissionInCallRoundsTest {

	private static final FundTerms WITH_ROUNDS;

	static {
		FundTerms t = Funds.actionFundTerms();
		WITH_ROUNDS = new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), t.perProjectCap(),
				t.fastTrackLimit(), t.spendWithinWeeks(), t.proofOfUseDueWeeks(), true,
				List.of(new CallRound(1, "Frühjahr", LocalDate.of(2019, 3, 31), 50),
						new CallRound(2, "Sommer", LocalDate.of(2019, 6, 30), 50)));
	}

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds().with(WITH_ROUNDS);

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	@Test
	void submitted_on_the_last_day_of_round_1_in_berlin_it_belongs_to_round_1() {
		// 23:30 in Berlin on 31 March (summer time: UTC+2)
		this.fixture.givenCurrentTime(Instant.parse("2019-03-31T21:30:00Z"))
			.andGiven(Applications.drafted())
			.when(Applications.submit())
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.ACTION_FUND, 1,
					Applications.completeContent(), 1));
	}

	@Test
	void submitted_the_day_after_it_belongs_to_round_2_and_after_the_last_deadline_to_none() {
		this.fixture.givenCurrentTime(Instant.parse("2019-03-31T22:30:00Z"))
			.andGiven(Applications.drafted())
			.when(Applications.submit())
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.ACTION_FUND, 1,
					Applications.completeContent(), 2));
		this.fixture.givenCurrentTime(Instant.parse("2019-07-01T08:00:00Z"))
			.andGiven(Applications.drafted())
			.when(Applications.submit())
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.ACTION_FUND, 1,
					Applications.completeContent(), null));
	}

	@Test
	void the_approval_names_the_round_of_the_submission() {
		this.fixture
			.given(Applications.drafted(),
					new ApplicationSubmitted(Applications.APPLICATION, Applications.ACTION_FUND, 1,
							Applications.completeContent(), 2),
					Applications.accepted(1))
			.when(Votes.fastTrack(true, null, null, null))
			.expectEventsMatching(Matchers.payloadsMatching(Matchers
				.exactSequenceOf(Matchers.<Object>predicate(event -> event instanceof ApplicationDecided decided
						&& decided.outcome() == DecisionOutcome.APPROVED && Integer.valueOf(2).equals(decided.round())),
						Matchers.andNoMore())));
	}

}
