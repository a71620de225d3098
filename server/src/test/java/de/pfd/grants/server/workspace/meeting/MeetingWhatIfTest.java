package de.pfd.grants.server.workspace.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.command.fund.ReservationForecast.Answer;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.money.Money;

/** The what-if of an agenda against its fund: the fund's own rule, in agenda order. */
class MeetingWhatIfTest {

	private static MeetingUseCases.Assumed approval(String title, String requested, String amount) {
		return new MeetingUseCases.Assumed(ApplicationId.random(), title, Money.euros(requested), Money.euros(amount));
	}

	private static MeetingUseCases.WhatIf whatIf(WaitlistPolicy policy, String available, int waiting,
			MeetingUseCases.Assumed... approvals) {
		return MeetingUseCases.whatIf(policy, Money.euros(available), waiting, List.of(approvals));
	}

	@Test
	void approvals_that_fit_are_reserved_and_each_leaves_less_of_the_fund() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.STRICT_ORDER, "5000.00", 0,
				approval("Werkstatt", "1200.00", "1200.00"), approval("Fest", "800.00", "800.00"));

		assertThat(result.availableBefore()).isEqualTo(Money.euros("5000.00"));
		assertThat(result.rows()).extracting(MeetingUseCases.WhatIfRow::answer)
			.containsExactly(Answer.RESERVED, Answer.RESERVED);
		assertThat(result.rows()).extracting(MeetingUseCases.WhatIfRow::availableAfter)
			.containsExactly(Money.euros("3800.00"), Money.euros("3000.00"));
	}

	@Test
	void an_approval_over_what_is_left_goes_to_the_waiting_list_and_leaves_the_money_as_it_was() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.STRICT_ORDER, "1500.00", 0,
				approval("Werkstatt", "1000.00", "1000.00"), approval("Fest", "900.00", "900.00"));

		assertThat(result.rows()).extracting(MeetingUseCases.WhatIfRow::answer)
			.containsExactly(Answer.RESERVED, Answer.WAITLISTED);
		assertThat(result.rows().get(1).availableAfter()).isEqualTo(Money.euros("500.00"));
	}

	@Test
	void exactly_the_available_money_to_the_cent_still_fits_one_cent_more_does_not() {
		MeetingUseCases.WhatIf exact = whatIf(WaitlistPolicy.STRICT_ORDER, "1234.56", 0,
				approval("Werkstatt", "1234.56", "1234.56"));
		MeetingUseCases.WhatIf over = whatIf(WaitlistPolicy.STRICT_ORDER, "1234.56", 0,
				approval("Werkstatt", "1234.57", "1234.57"));

		assertThat(exact.rows().get(0).answer()).isEqualTo(Answer.RESERVED);
		assertThat(exact.rows().get(0).availableAfter()).isEqualTo(Money.euros("0.00"));
		assertThat(over.rows().get(0).answer()).isEqualTo(Answer.WAITLISTED);
		assertThat(over.rows().get(0).availableAfter()).isEqualTo(Money.euros("1234.56"));
	}

	@Test
	void a_reduced_amount_entered_for_the_what_if_is_what_counts() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.STRICT_ORDER, "1000.00", 0,
				approval("Werkstatt", "1500.00", "999.99"));

		assertThat(result.rows().get(0).requested()).isEqualTo(Money.euros("1500.00"));
		assertThat(result.rows().get(0).answer()).isEqualTo(Answer.RESERVED);
		assertThat(result.rows().get(0).availableAfter()).isEqualTo(Money.euros("0.01"));
	}

	@Test
	void under_strict_order_nobody_overtakes_one_that_waits() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.STRICT_ORDER, "1000.00", 0,
				approval("Groß", "2000.00", "2000.00"), approval("Klein", "100.00", "100.00"));

		assertThat(result.rows()).extracting(MeetingUseCases.WhatIfRow::answer)
			.containsExactly(Answer.WAITLISTED, Answer.WAITLISTED);
	}

	@Test
	void under_first_that_fits_a_smaller_one_after_a_waiting_one_is_reserved() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.FIRST_THAT_FITS, "1000.00", 0,
				approval("Groß", "2000.00", "2000.00"), approval("Klein", "100.00", "100.00"));

		assertThat(result.rows()).extracting(MeetingUseCases.WhatIfRow::answer)
			.containsExactly(Answer.WAITLISTED, Answer.RESERVED);
		assertThat(result.rows().get(1).availableAfter()).isEqualTo(Money.euros("900.00"));
	}

	@Test
	void under_strict_order_approvals_already_waiting_send_every_new_one_to_the_list() {
		MeetingUseCases.WhatIf result = whatIf(WaitlistPolicy.STRICT_ORDER, "5000.00", 1,
				approval("Werkstatt", "100.00", "100.00"));

		assertThat(result.waitingAhead()).isEqualTo(1);
		assertThat(result.rows().get(0).answer()).isEqualTo(Answer.WAITLISTED);
	}

	@Test
	void a_fund_without_a_policy_set_uses_the_default() {
		assertThat(whatIf(null, "100.00", 0).policy()).isEqualTo(WaitlistPolicy.DEFAULT);
	}

}
