package de.pfd.grants.server.fund;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.SpreadsheetCells;
import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.WaitlistPolicySetting;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Funds of the caller's partnership: figures for everyone signed in, movements for staff
 * and auditors, changes for staff. A fund of another partnership reads as unknown (404).
 */
@RestController
@RequestMapping("/api/funds")
@Tag(name = "Funds", description = "Aktionsfonds and Jugendfonds: budget ledger")
@SecurityRequirement(name = "basic")
class FundController {

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final FundUseCases funds;

	FundController(FundUseCases funds) {
		this.funds = funds;
	}

	@GetMapping
	@Operation(summary = "Funds of your partnership with their figures")
	List<FundBudget> funds(@AuthenticationPrincipal GrantsUser user) {
		return this.funds.funds(user);
	}

	@GetMapping("/{fundId}")
	@Operation(summary = "A fund's figures: now, as they stood at an instant of entry (asOf=2019-06-30T00:00:00Z), "
			+ "or at the end of a day by value date (asOf=2019-12-31, Europe/Berlin)")
	FundBudget fund(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Parameter(example = "2019-12-31") @RequestParam(required = false) String asOf) {
		if (asOf == null) {
			return this.funds.fund(user, fundId, (Instant) null);
		}
		if (DAY.matcher(asOf).matches()) {
			LocalDate day = parse(asOf, LocalDate::parse);
			return this.funds.fundOnDay(user, fundId, day);
		}
		Instant instant = parse(asOf, text -> OffsetDateTime.parse(text).toInstant());
		return this.funds.fund(user, fundId, instant);
	}

	/** A day (by value date) or an instant with its offset (by entry time). */
	private static <T> T parse(String asOf, Function<String, T> parser) {
		try {
			return parser.apply(asOf);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badInput("asOf",
					"asOf muss ein Tag (2019-12-31) oder ein Zeitpunkt (2019-06-30T00:00:00Z) "
							+ "sein / asOf must be a day (2019-12-31) or an instant (2019-06-30T00:00:00Z)");
		}
	}

	@GetMapping("/{fundId}/movements")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Every reservation, release, payout, refund and budget change, with running balance")
	List<FundMovement> movements(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.funds.movements(user, fundId);
	}

	@GetMapping(value = "/{fundId}/movements.csv", produces = "text/csv")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The movements as CSV (RFC 4180, UTF-8) for auditors; text cells that begin with "
			+ "=, +, -, @, tab or CR are prefixed with ' (formula injection)")
	ResponseEntity<String> movementsCsv(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId)
			throws IOException {
		List<FundMovement> movements = this.funds.movements(user, fundId);
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = CSVFormat.RFC4180.builder()
			.setHeader("sequence", "occurredAt", "type", "applicationId", "amount", "available", "note", "actor",
					"valueDate")
			.get()
			.print(csv)) {
			for (FundMovement m : movements) {
				// texts neutralised as in every export (formula injection); amounts are
				// ours
				printer.printRecord(m.sequence(), m.occurredAt(), m.type(),
						m.applicationId() == null ? "" : m.applicationId().value(), m.amount().amount().toPlainString(),
						m.available().amount().toPlainString(), SpreadsheetCells.text(m.note()),
						SpreadsheetCells.text(m.actor()), m.valueDate());
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fundId + "-movements.csv\"")
			.body(csv.toString());
	}

	@PostMapping
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Open a fund (one per partnership, type and year)")
	ResponseEntity<FundBudget> open(@AuthenticationPrincipal GrantsUser user,
			@Valid @RequestBody OpenFundRequest request) {
		FundBudget fund = this.funds.open(user, request.partnershipId(), request.type(), request.year(),
				Money.of(request.budget()), money(request.perProjectCap()), money(request.fastTrackLimit()),
				request.spendWithinWeeks(), request.proofOfUseDueWeeks(), request.receiptToleranceDays());
		return ResponseEntity.created(URI.create("/api/funds/" + fund.id())).body(fund);
	}

	@PostMapping("/{fundId}/budget-adjustments")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Raise (positive amount) or cut (negative amount) the budget; a reason is required")
	FundBudget adjust(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Valid @RequestBody BudgetAdjustmentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return this.funds.adjustBudget(user, fundId, Money.of(request.amount()), request.reason(), idempotencyKey);
	}

	@PostMapping("/{fundId}/closure")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Year-end closing: the unreserved rest lapses, nothing more is reserved")
	FundBudget close(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.funds.close(user, fundId);
	}

	@GetMapping("/{fundId}/waitlist-policy")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(
			summary = "How the fund serves its waiting list: every version of the setting (version, policy, since, by)")
	List<WaitlistPolicySetting> waitlistPolicy(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.funds.waitlistPolicy(user, fundId);
	}

	@PutMapping("/{fundId}/waitlist-policy")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Set the waiting-list policy from now on: STRICT_ORDER (first come) or FIRST_THAT_FITS")
	List<WaitlistPolicySetting> setWaitlistPolicy(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Valid @RequestBody WaitlistPolicyRequest request) {
		return this.funds.setWaitlistPolicy(user, fundId, request.policy());
	}

	@GetMapping("/{fundId}/rounds")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The fund's call rounds (Förderrunden): deadline and budget share of each")
	List<CallRound> rounds(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.funds.rounds(user, fundId);
	}

	@PostMapping("/{fundId}/rounds")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Add the fund's next call round (deadlines ascending, shares up to 100 % together)")
	ResponseEntity<List<CallRound>> addRound(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Valid @RequestBody CallRoundRequest request) {
		List<CallRound> rounds = this.funds.addRound(user, fundId, request.name(), request.submissionDeadline(),
				request.budgetSharePercent());
		return ResponseEntity.created(URI.create("/api/funds/" + fundId + "/rounds")).body(rounds);
	}

	private static Money money(BigDecimal amount) {
		return amount == null ? null : Money.of(amount);
	}

}
