package de.pfd.grants.server.fund;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The fund's next call round: name, last day of submissions, share of the year's budget.
 */
public record CallRoundRequest(@NotBlank @Size(max = 200) String name, @NotNull LocalDate submissionDeadline,
		@NotNull @Min(1) @Max(100) Integer budgetSharePercent) {
}
