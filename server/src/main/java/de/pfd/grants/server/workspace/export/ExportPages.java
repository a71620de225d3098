package de.pfd.grants.server.workspace.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.server.workspace.export.ExportUseCases.Format;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page "Exporte" ({@code /pruefung/exporte}, staff and auditors by the URL rules):
 * four plain GET forms, one per export, whose answers are the files themselves, from the
 * same {@link ExportUseCases} as the REST API. A refused input (a malformed day, no fund
 * chosen, an unknown format) shows the page again with the error summary and the message
 * at the field (422); a fund the user may not see is the error page with 404.
 */
@Controller
@Hidden
class ExportPages {

	static final String PAGE = "/pruefung/exporte";

	private final ExportUseCases exports;

	ExportPages(ExportUseCases exports) {
		this.exports = exports;
	}

	/** An entry of the error summary: the field's anchor, its label and the message. */
	record ErrorItem(String href, String labelKey, Integer row, String message) {
	}

	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal GrantsUser user, Model model) {
		return page(user, model, Map.of(), null, null);
	}

	@GetMapping(PAGE + "/fondsuebersicht")
	ResponseEntity<byte[]> statement(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) String asOf) {
		return download(user, "statement", fundId, asOf, () -> {
			if (asOf == null || asOf.isBlank()) {
				throw ApiException.badInput("asOf", "Bitte geben Sie einen Stichtag an / enter a day");
			}
			return this.exports.statementPdf(user, fundId, ExportUseCases.day(asOf));
		});
	}

	@GetMapping(PAGE + "/buchungen")
	ResponseEntity<byte[]> movements(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) String format) {
		return download(user, "movements", fundId, null, () -> this.exports.movements(user, fundId, Format.of(format)));
	}

	@GetMapping(PAGE + "/antraege")
	ResponseEntity<byte[]> applications(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) String format) {
		return download(user, "applications", fundId, null,
				() -> this.exports.applications(user, fundId, Format.of(format)));
	}

	@GetMapping(PAGE + "/entscheidungen")
	ResponseEntity<byte[]> decisions(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String fundId, @RequestParam(required = false) String format) {
		return download(user, "decisions", fundId, null, () -> this.exports.decisions(user, fundId, Format.of(format)));
	}

	/**
	 * The file; a refused input is shown on the page (see {@link #inputRefused}), what
	 * the user may not see goes to the error page.
	 */
	private static ResponseEntity<byte[]> download(GrantsUser user, String form, String fundId, String asOf,
			Supplier<ExportUseCases.ExportFile> file) {
		try {
			return file.get().download();
		}
		catch (ApiException refusal) {
			if (refusal.status() == HttpStatus.BAD_REQUEST && refusal.field() != null) {
				throw new InputRefused(user, form, new Selection(fundId, asOf), refusal);
			}
			throw refusal;
		}
	}

	/** A form's input that the use case refused. */
	static final class InputRefused extends RuntimeException {

		private final transient GrantsUser user;

		private final String form;

		private final transient Selection selection;

		private final ApiException refusal;

		InputRefused(GrantsUser user, String form, Selection selection, ApiException refusal) {
			super(refusal.getMessage(), null, false, false);
			this.user = user;
			this.form = form;
			this.selection = selection;
			this.refusal = refusal;
		}

	}

	/** The page again with the message at the refused form's field (422). */
	@ExceptionHandler(InputRefused.class)
	String inputRefused(InputRefused refused, Model model, HttpServletResponse response) {
		String form = refused.form;
		String suffix = switch (refused.refusal.field()) {
			case "fundId" -> "fund";
			case "asOf" -> "asOf";
			default -> "format";
		};
		String field = form + "-" + suffix;
		String message = Bilingual.local(refused.refusal.getMessage());
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("summary", List.of(new ErrorItem("#" + field, "export.label." + suffix, null, message)));
		return page(refused.user, model, Map.of(field, message), form, refused.selection);
	}

	/** What the refused form had chosen, shown again. */
	record Selection(String fundId, String asOf) {
	}

	private String page(GrantsUser user, Model model, Map<String, String> errors, String form, Selection selection) {
		model.addAttribute("funds", this.exports.funds(user));
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("summary")) {
			model.addAttribute("summary", List.of());
		}
		model.addAttribute("refusedForm", form);
		model.addAttribute("selection", selection == null ? new Selection(null, null) : selection);
		model.addAttribute("today", PartnershipCalendar.dayOf(Instant.now()).toString());
		return "pruefung/exporte";
	}

}
