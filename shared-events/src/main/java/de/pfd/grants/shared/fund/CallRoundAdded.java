package de.pfd.grants.shared.fund;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The fund's next call round, as number {@code number} (from 1). */
@Revision("1")
public record CallRoundAdded(FundId fundId, int number, String name, LocalDate submissionDeadline,
		int budgetSharePercent) {
}
