package de.pfd.grants.server.fund;

import java.math.BigDecimal;

import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.shared.fund.FundType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Open a fund. partnershipId may be left out: it defaults to the caller's own
 * partnership.
 */
public record OpenFundRequest(@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String partnershipId, @NotNull FundType type,
		@NotNull @Min(2015) @Max(2100) Integer year, @NotNull @EuroAmount BigDecimal budget,
		@EuroAmount BigDecimal perProjectCap, @EuroAmount BigDecimal fastTrackLimit,
		@Min(1) @Max(52) Integer spendWithinWeeks, @Min(1) @Max(52) Integer proofOfUseDueWeeks,
		@Min(0) @Max(365) Integer receiptToleranceDays) {
}
