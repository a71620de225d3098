package de.pfd.grants.server.privacy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.privacy.PersonalDataErasure.Erased;
import de.pfd.grants.server.privacy.PrivacyUseCases.DueErasure;
import de.pfd.grants.server.privacy.PrivacyUseCases.ErasureRecord;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal data (GDPR): the files due for erasure by the partnership's retention rule,
 * the staff's confirmed erasure, and the export of everything held about a data subject.
 * Thin: the rules are in {@link PrivacyUseCases}, {@link RetentionRule} and
 * {@link PersonalDataExport}, the same the page {@code /verwaltung/datenschutz} uses.
 */
@RestController
@Tag(name = "Privacy", description = "Datenschutz: Aufbewahrungsfristen, Löschung, Auskunft (Art. 15, 17, 20 DSGVO)")
@SecurityRequirement(name = "basic")
public class PrivacyController {

	/**
	 * An erasure: the application, the reason (required, at most 450 characters), and
	 * whether it is made on the data subject's request before the period ran out.
	 */
	public record ErasureBody(String applicationId, String reason, Boolean request) {
	}

	/** The files due for erasure on a day. */
	public record DueResponse(LocalDate on, List<DueErasure> due) {
	}

	private final PrivacyUseCases privacy;

	private final PersonalDataExport export;

	PrivacyController(PrivacyUseCases privacy, PersonalDataExport export) {
		this.privacy = privacy;
		this.export = export;
	}

	@GetMapping("/api/privacy/erasures/due")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The partnership's files due for erasure (today, or on a later day to plan ahead) and not "
			+ "erased yet: application, title, fund, fund year, status, retained until and why")
	DueResponse due(@AuthenticationPrincipal GrantsUser user, @Parameter(
			description = "the day (ISO, e.g. 2037-01-01); default today") @RequestParam(required = false) String on) {
		LocalDate day = on == null || on.isBlank() ? this.privacy.today() : day(on);
		return new DueResponse(day, this.privacy.due(user, day));
	}

	@GetMapping("/api/privacy/erasures")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The erasures done in the partnership, the newest first (from the audit trail)")
	List<ErasureRecord> erasures(@AuthenticationPrincipal GrantsUser user) {
		return this.privacy.erasures(user);
	}

	@PostMapping("/api/privacy/erasures")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Erase an application's personal data (staff; irreversible): when its retention period ran "
			+ "out, or before on the data subject's request (request: true) where no legal duty keeps it (files "
			+ "never granted). 409 while a grant file's period runs or its procedure has not ended, and when erased "
			+ "already")
	ResponseEntity<Erased> erase(@AuthenticationPrincipal GrantsUser user, @RequestBody ErasureBody body) {
		if (body == null || body.applicationId() == null || body.applicationId().isBlank()) {
			throw ApiException.badInput("applicationId", "Bitte geben Sie den Antrag an / applicationId is required");
		}
		Erased erased = this.privacy.erase(user, body.applicationId().strip(), body.reason(),
				Boolean.TRUE.equals(body.request()));
		return ResponseEntity.status(HttpStatus.CREATED).body(erased);
	}

	@GetMapping("/api/privacy/export")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Everything the partnership holds about the person with this e-mail address (Art. 15/20 "
			+ "GDPR) as a JSON download")
	ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String email) {
		return download(this.export.of(user, email));
	}

	@GetMapping("/api/me/data")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Everything held about the signed-in user (Art. 15/20 GDPR) as a JSON download")
	ResponseEntity<Map<String, Object>> own(@AuthenticationPrincipal GrantsUser user) {
		return download(this.export.own(user));
	}

	private static ResponseEntity<Map<String, Object>> download(Map<String, Object> data) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("personenbezogene-daten.json").build().toString())
			.body(data);
	}

	private static LocalDate day(String on) {
		if (on == null || on.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(on.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badInput("on", "Bitte ein Datum wie 2037-01-01 angeben / a date such as 2037-01-01");
		}
	}

}
