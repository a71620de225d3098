package de.pfd.grants.server.fund;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.fund.ActionFieldFigures;
import de.pfd.grants.shared.fund.WaitingListEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The fund dashboard's figures beyond the fund's own, for staff and auditors: the money
 * by action field and the waiting list (the same use cases as the pages under
 * {@code /fonds}).
 */
@RestController
@RequestMapping("/api/funds/{fundId}")
@Tag(name = "Funds", description = "Aktionsfonds and Jugendfonds: budget ledger")
@SecurityRequirement(name = "basic")
@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
class FundDashboardController {

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final FundDashboardUseCases dashboard;

	FundDashboardController(FundDashboardUseCases dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/action-fields")
	@Operation(summary = "The money by action field (approvals, approved, reserved, paid), now or at the end of a day "
			+ "by value date (asOf=2026-06-30); reserved and paid add up to the fund's figures")
	List<ActionFieldFigures> byActionField(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Parameter(example = "2026-06-30") @RequestParam(required = false) String asOf) {
		return this.dashboard.byActionField(user, fundId, asOf == null ? null : day(asOf));
	}

	@GetMapping("/waiting-list")
	@Operation(summary = "The approvals waiting for money now, in their order (position 1 is served next)")
	List<WaitingListEntry> waitingList(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.dashboard.waitingList(user, fundId);
	}

	private static LocalDate day(String asOf) {
		try {
			if (DAY.matcher(asOf).matches()) {
				return LocalDate.parse(asOf);
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		throw ApiException.badInput("asOf", "asOf muss ein Tag sein (2026-06-30) / asOf must be a day (2026-06-30)");
	}

}
