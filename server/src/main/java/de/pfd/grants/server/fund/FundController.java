package de.pfd.grants.server.fund;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.fund.FindFundMovementsQuery;
import de.pfd.grants.shared.fund.FindFundsQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;
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

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ProjectionSync projections;

	private final FundDirectory funds;

	FundController(CommandGateway commands, QueryGateway queries, ProjectionSync projections, FundDirectory funds) {
		this.commands = commands;
		this.queries = queries;
		this.projections = projections;
		this.funds = funds;
	}

	@GetMapping
	@Operation(summary = "Funds of your partnership with their figures")
	List<FundBudget> funds(@AuthenticationPrincipal GrantsUser user) {
		return this.queries
			.query(new FindFundsQuery(user.partnershipId()), ResponseTypes.multipleInstancesOf(FundBudget.class))
			.join();
	}

	@GetMapping("/{fundId}")
	@Operation(summary = "A fund's figures, now or as they stood at an instant (asOf, ISO-8601)")
	FundBudget fund(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Parameter(example = "2019-06-30T00:00:00Z") @RequestParam(required = false) Instant asOf) {
		return find(user, fundId, asOf);
	}

	@GetMapping("/{fundId}/movements")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Every reservation, release, payout, refund and budget change, with running balance")
	List<FundMovement> movements(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		FundBudget fund = find(user, fundId, null);
		return this.queries
			.query(new FindFundMovementsQuery(fund.id(), user.partnershipId()),
					ResponseTypes.multipleInstancesOf(FundMovement.class))
			.join();
	}

	@GetMapping(value = "/{fundId}/movements.csv", produces = "text/csv")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The movements as CSV (RFC 4180, UTF-8) for auditors")
	ResponseEntity<String> movementsCsv(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId)
			throws IOException {
		List<FundMovement> movements = movements(user, fundId);
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = CSVFormat.RFC4180.builder()
			.setHeader("sequence", "occurredAt", "type", "applicationId", "amount", "available", "note", "actor")
			.get()
			.print(csv)) {
			for (FundMovement m : movements) {
				printer.printRecord(m.sequence(), m.occurredAt(), m.type(),
						m.applicationId() == null ? "" : m.applicationId().value(), m.amount().amount().toPlainString(),
						m.available().amount().toPlainString(), m.note() == null ? "" : m.note(),
						m.actor() == null ? "" : m.actor());
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
		PartnershipId partnership = request.partnershipId() == null ? user.partnershipId()
				: new PartnershipId(request.partnershipId());
		if (!partnership.equals(user.partnershipId())) {
			// another partnership's id is not revealed as existing
			throw ApiException.notFound("Partnerschaft / partnership");
		}
		OpenFundCommand command = new OpenFundCommand(partnership, request.type(), request.year(),
				Money.of(request.budget()), money(request.perProjectCap()), money(request.fastTrackLimit()),
				request.spendWithinWeeks(), request.proofOfUseDueWeeks());
		try {
			this.commands.sendAndWait(command);
		}
		catch (AggregateStreamCreationException ex) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.FUND_ALREADY_EXISTS,
					"Diesen Fonds gibt es schon / a " + request.type() + " for " + request.year() + " already exists",
					"type");
		}
		this.projections.awaitProjections();
		FundBudget fund = find(user, command.fundId().value(), null);
		return ResponseEntity.created(URI.create("/api/funds/" + fund.id())).body(fund);
	}

	@PostMapping("/{fundId}/budget-adjustments")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Raise (positive amount) or cut (negative amount) the budget; a reason is required")
	FundBudget adjust(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Valid @RequestBody BudgetAdjustmentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		FundBudget fund = find(user, fundId, null);
		this.commands.sendAndWait(new AdjustBudgetCommand(fund.id(),
				IdempotencyKeys.operationId(user, "budget-adjustment:" + fund.id(), idempotencyKey),
				Money.of(request.amount()), request.reason()));
		this.projections.awaitProjections();
		return find(user, fundId, null);
	}

	@PostMapping("/{fundId}/closure")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Year-end closing: the unreserved rest lapses, nothing more is reserved")
	FundBudget close(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		FundBudget fund = find(user, fundId, null);
		this.commands.sendAndWait(new CloseFundCommand(fund.id()));
		this.projections.awaitProjections();
		return find(user, fundId, null);
	}

	private FundBudget find(GrantsUser user, String fundId, Instant asOf) {
		return this.funds.visible(user, fundId, asOf);
	}

	private static Money money(java.math.BigDecimal amount) {
		return amount == null ? null : Money.of(amount);
	}

}
