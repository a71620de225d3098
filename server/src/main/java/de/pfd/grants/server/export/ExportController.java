package de.pfd.grants.server.export;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.workspace.export.ExportUseCases;
import de.pfd.grants.server.workspace.export.ExportUseCases.Format;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The exports for staff and auditors as files: the fund statement as of a day (PDF), the
 * movements, applications and decisions as CSV (semicolon-separated, UTF-8 with BOM,
 * decimal comma: for German Excel) or XLSX. A fund of another partnership is 404. No
 * {@code produces} on the mappings: a refusal answers as a problem (JSON) whatever the
 * client accepts.
 */
@RestController
@Tag(name = "Exports", description = "Fund statement (PDF), movements, applications, decisions (CSV, XLSX)")
@SecurityRequirement(name = "basic")
@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
class ExportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String CSV_NOTE = " CSV: RFC 4180 quoting with ';' as separator, UTF-8 with BOM, "
			+ "amounts as 1234,56 and days as 31.12.2026 (German Excel); XLSX: amounts as number cells. "
			+ "Text cells that begin with =, +, -, @, tab or CR are prefixed with ' (formula injection).";

	private final ExportUseCases exports;

	ExportController(ExportUseCases exports) {
		this.exports = exports;
	}

	@GetMapping("/api/funds/{fundId}/statement.pdf")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
	@Operation(summary = "The fund statement at the end of a day by value date (default today): figures, "
			+ "waiting list, movements up to that day")
	ResponseEntity<byte[]> statement(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId,
			@Parameter(example = "2026-06-30") @RequestParam(required = false) String asOf) {
		return this.exports.statementPdf(user, fundId, ExportUseCases.day(asOf)).download();
	}

	@GetMapping("/api/funds/{fundId}/movements.xlsx")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = XLSX))
	@Operation(summary = "The fund's movements as XLSX." + CSV_NOTE)
	ResponseEntity<byte[]> movementsXlsx(@AuthenticationPrincipal GrantsUser user, @PathVariable String fundId) {
		return this.exports.movements(user, fundId, Format.XLSX).download();
	}

	@GetMapping("/api/exports/movements.{format}")
	@ApiResponse(responseCode = "200", content = { @Content(mediaType = "text/csv"), @Content(mediaType = XLSX) })
	@Operation(summary = "The fund's movements for German Excel (format csv or xlsx)." + CSV_NOTE)
	ResponseEntity<byte[]> movements(@AuthenticationPrincipal GrantsUser user,
			@Parameter(example = "csv") @PathVariable String format, @RequestParam String fundId) {
		return this.exports.movements(user, fundId, Format.of(format)).download();
	}

	@GetMapping("/api/exports/applications.{format}")
	@ApiResponse(responseCode = "200", content = { @Content(mediaType = "text/csv"), @Content(mediaType = XLSX) })
	@Operation(summary = "The applications of a fund (without fundId: of every fund), format csv or xlsx." + CSV_NOTE)
	ResponseEntity<byte[]> applications(@AuthenticationPrincipal GrantsUser user,
			@Parameter(example = "csv") @PathVariable String format, @RequestParam(required = false) String fundId) {
		return this.exports.applications(user, fundId, Format.of(format)).download();
	}

	@GetMapping("/api/exports/decisions.{format}")
	@ApiResponse(responseCode = "200", content = { @Content(mediaType = "text/csv"), @Content(mediaType = XLSX) })
	@Operation(summary = "The decisions of a fund (without fundId: of every fund) with tally, format csv or xlsx."
			+ CSV_NOTE)
	ResponseEntity<byte[]> decisions(@AuthenticationPrincipal GrantsUser user,
			@Parameter(example = "csv") @PathVariable String format, @RequestParam(required = false) String fundId) {
		return this.exports.decisions(user, fundId, Format.of(format)).download();
	}

}
