package de.pfd.grants.server.fund;

import java.math.BigDecimal;

import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.money.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Raise (positive) or cut (negative) a fund's budget, with a reason for the record. */
public record BudgetAdjustmentRequest(
		@NotNull @Digits(integer = 9,
				fraction = 2) @DecimalMin("-" + Money.MAX_EUROS) @DecimalMax(Money.MAX_EUROS) BigDecimal amount,
		@MultiLine @NotBlank @Size(max = 1000) String reason) {
}
