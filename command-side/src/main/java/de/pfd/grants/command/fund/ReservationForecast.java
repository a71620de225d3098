package de.pfd.grants.command.fund;

import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.money.Money;

/**
 * What the fund would answer to a row of approvals, in their order, before anything is
 * decided (a meeting's what-if of its agenda): the fund's own rule
 * ({@link BudgetRules#mayReserveNew}) applied to each approval against what the ones
 * before it left. Under strict order an approval that has to wait makes every later one
 * wait too; under first that fits a later, smaller one may still be funded. Call rounds'
 * shares are not part of the forecast (the fund checks them when it decides).
 */
public final class ReservationForecast {

	private ReservationForecast() {
	}

	/** What one approval would be answered. */
	public enum Answer {

		/** the money is reserved at once */
		RESERVED,
		/** it goes to the waiting list */
		WAITLISTED

	}

	/** One approval's answer and what the fund has available after it. */
	public record Step(Money amount, Answer answer, Money availableAfter) {
	}

	/**
	 * {@code available}: the fund's available money now; {@code waitingAhead}: approvals
	 * already on its waiting list; {@code amounts}: the approvals in their order.
	 */
	public static List<Step> of(WaitlistPolicy policy, Money available, int waitingAhead, List<Money> amounts) {
		WaitlistPolicy rule = policy == null ? WaitlistPolicy.DEFAULT : policy;
		List<Step> steps = new ArrayList<>();
		boolean someoneWaits = waitingAhead > 0;
		Money left = available;
		for (Money amount : amounts) {
			if (BudgetRules.mayReserveNew(rule, someoneWaits, left, amount)) {
				left = left.minus(amount);
				steps.add(new Step(amount, Answer.RESERVED, left));
			}
			else {
				someoneWaits = true;
				steps.add(new Step(amount, Answer.WAITLISTED, left));
			}
		}
		return steps;
	}

}
