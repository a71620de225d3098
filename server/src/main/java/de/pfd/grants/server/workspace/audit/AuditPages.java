package de.pfd.grants.server.workspace.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.audit.AuditFilter;
import de.pfd.grants.server.audit.AuditSentences;
import de.pfd.grants.server.audit.AuditUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.workspace.export.ExportFiles;
import de.pfd.grants.server.workspace.export.ExportTable;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.fund.FundBudget;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The auditors' pages (staff read them too): the audit trail ("Prüfpfad") filtered, paged
 * and exported as CSV, the decisions and the provenance of each. A thin adapter over
 * {@link AuditUseCases}, which asks the access policy.
 */
@Controller
@Hidden
@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
class AuditPages {

	private final AuditUseCases audit;

	private final AuditSentences sentences;

	private final FundUseCases funds;

	private final ApplicationUseCases applications;

	private final MessageSource messages;

	AuditPages(AuditUseCases audit, AuditSentences sentences, FundUseCases funds, ApplicationUseCases applications,
			MessageSource messages) {
		this.audit = audit;
		this.sentences = sentences;
		this.funds = funds;
		this.applications = applications;
		this.messages = messages;
	}

	/** A field's refusal in the error summary and at the field. */
	record FieldError(String field, String label, String message) {
	}

	@GetMapping("/pruefung")
	String trail(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "antrag", required = false) String antrag,
			@RequestParam(name = "fonds", required = false) String fonds,
			@RequestParam(name = "person", required = false) String person,
			@RequestParam(name = "art", required = false) List<String> art,
			@RequestParam(name = "von", required = false) String von,
			@RequestParam(name = "bis", required = false) String bis,
			@RequestParam(name = "seite", required = false) String seite, Model model, HttpServletResponse response) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate from = day(von, "von", errors);
		LocalDate to = day(bis, "bis", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(error("bis", "audit.error.order"));
			to = null;
		}
		AuditFilter filter = AuditFilter.days(antrag, fonds, person, art, from, to);
		int page = page(seite);
		AuditEventPage lines = this.audit.trail(user, filter, page - 1);
		if (!errors.isEmpty()) {
			response.setStatus(422);
		}
		Map<String, FieldError> byField = new LinkedHashMap<>();
		errors.forEach(error -> byField.putIfAbsent(error.field(), error));
		model.addAttribute("errors", byField);
		model.addAttribute("lines", lines);
		model.addAttribute("pageNumber", page);
		model.addAttribute("filter", filter);
		model.addAttribute("von", von == null ? "" : von);
		model.addAttribute("bis", bis == null ? "" : bis);
		model.addAttribute("kinds", this.sentences.kinds());
		model.addAttribute("funds", fundsById(user));
		model.addAttribute("applications", applicationsById(user));
		model.addAttribute("pageLink", link("/pruefung", antrag, fonds, person, art, von, bis));
		model.addAttribute("exportLink", link("/pruefung/export.csv", antrag, fonds, person, art, von, bis));
		return "pruefung/pfad";
	}

	@GetMapping("/pruefung/export.csv")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "antrag", required = false) String antrag,
			@RequestParam(name = "fonds", required = false) String fonds,
			@RequestParam(name = "person", required = false) String person,
			@RequestParam(name = "art", required = false) List<String> art,
			@RequestParam(name = "von", required = false) String von,
			@RequestParam(name = "bis", required = false) String bis) {
		List<FieldError> errors = new ArrayList<>();
		AuditFilter filter = AuditFilter.days(antrag, fonds, person, art, day(von, "von", errors),
				day(bis, "bis", errors));
		if (!errors.isEmpty()) {
			return ResponseEntity.unprocessableEntity()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body((errors.get(0).label() + ": " + errors.get(0).message()).getBytes(StandardCharsets.UTF_8));
		}
		// the same CSV as every export: RFC 4180 with ';', UTF-8 with BOM, cells
		// neutralised
		ExportTable.Rows rows = new ExportTable.Rows();
		for (AuditEvent event : this.audit.export(user, filter)) {
			rows.add(ExportTable.count(event.position()), ExportTable.moment(event.at()),
					ExportTable.text(this.sentences.who(event)), ExportTable.text(this.sentences.role(event)),
					ExportTable.text(event.eventType()), ExportTable.text(this.sentences.what(event)),
					ExportTable.text(event.applicationId()), ExportTable.text(event.fundId()),
					ExportTable.text(orEmpty(event.aggregateType())
							+ (event.aggregateId() == null ? "" : " " + event.aggregateId())),
					ExportTable.count(event.sequenceNumber()), ExportTable.text(event.correlationId()),
					ExportTable.text(event.causationId()), ExportTable.text(event.eventId()));
		}
		byte[] csv = ExportFiles.csv(new ExportTable("Prüfpfad",
				List.of(text("audit.csv.position"), text("audit.csv.at"), text("audit.col.who"), text("audit.col.role"),
						text("audit.csv.type"), text("audit.col.what"), text("audit.col.application"),
						text("audit.col.fund"), text("audit.csv.aggregate"), text("audit.csv.sequence"),
						text("audit.csv.correlation"), text("audit.csv.causation"), text("audit.csv.event")),
				rows.list()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pruefpfad.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

	@GetMapping("/pruefung/entscheidungen")
	String decisions(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("decisions", this.audit.decisions(user));
		model.addAttribute("funds", fundsById(user));
		return "pruefung/entscheidungen";
	}

	@GetMapping("/pruefung/entscheidungen/{applicationId}")
	String provenance(@AuthenticationPrincipal GrantsUser user, @PathVariable String applicationId, Model model) {
		var provenance = this.audit.provenance(user, applicationId);
		model.addAttribute("p", provenance);
		model.addAttribute("fund", fundsById(user).get(provenance.application().fundId().value()));
		return "pruefung/herkunft";
	}

	private Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

	private Map<String, ApplicationSummary> applicationsById(GrantsUser user) {
		Map<String, ApplicationSummary> byId = new LinkedHashMap<>();
		this.applications.list(user, null, null).forEach(summary -> byId.put(summary.id().value(), summary));
		return byId;
	}

	/** The page's own address with the filter, to which the page number is added. */
	private static String link(String path, String antrag, String fonds, String person, List<String> art, String von,
			String bis) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "antrag", antrag);
		add(uri, "fonds", fonds);
		add(uri, "person", person);
		if (art != null) {
			art.stream().filter(kind -> kind != null && !kind.isBlank()).forEach(kind -> uri.queryParam("art", kind));
		}
		add(uri, "von", von);
		add(uri, "bis", bis);
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

	private LocalDate day(String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return GermanDay.parse(value);
		}
		catch (DateTimeParseException notADay) {
			errors.add(error(field, "audit.error.date"));
			return null;
		}
	}

	private FieldError error(String field, String messageKey) {
		return new FieldError(field, text("audit.filter." + field), text(messageKey));
	}

	private static int page(String value) {
		try {
			return Math.max(1, Integer.parseInt(value == null ? "1" : value.strip()));
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
