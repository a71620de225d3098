package de.pfd.grants.server.workspace.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.privacy.PersonalDataExport;
import de.pfd.grants.server.privacy.PrivacyUseCases;
import de.pfd.grants.server.privacy.PrivacyUseCases.FileRetention;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Datenschutz" (staff): the files due for erasure by the partnership's retention rule,
 * each with its confirmation (the reason, an explicit confirmation that the erasure
 * cannot be undone, then the erasure), the erasures done (from the audit trail), an
 * erasure on the data subject's request, and the export of everything held about a
 * person. Thin: the same use cases as {@code /api/privacy/...}.
 */
@Controller
@Hidden
class PrivacyAdminPages {

	private static final String PAGE = "verwaltung/datenschutz";

	private static final String CONFIRM = "verwaltung/datenschutz-loeschen";

	/** The use case's field names → the ids of the page's fields. */
	private static final Map<String, String> FIELDS = Map.of("reason", "privacyReason", "applicationId", "privacyFile",
			"email", "privacyEmail");

	private final PrivacyUseCases privacy;

	private final PersonalDataExport export;

	private final AdminForms forms;

	private final ObjectMapper json;

	PrivacyAdminPages(PrivacyUseCases privacy, PersonalDataExport export, AdminForms forms, ObjectMapper json) {
		this.privacy = privacy;
		this.export = export;
		this.forms = forms;
		this.json = json;
	}

	@GetMapping("/verwaltung/datenschutz")
	String page(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "geloescht", required = false) String erased, Model model) {
		AdminForms.none(model);
		model.addAttribute("erased", erased);
		return page(user, "", "", model);
	}

	/**
	 * The confirmation of one erasure: the file, its retention, what happens; nothing is
	 * erased yet. {@code aufAntrag}: on the data subject's request.
	 */
	@GetMapping("/verwaltung/datenschutz/loeschung")
	String confirmation(@AuthenticationPrincipal GrantsUser user, @RequestParam(name = "antrag") String applicationId,
			@RequestParam(name = "aufAntrag", required = false) String onRequest, Model model) {
		AdminForms.none(model);
		return confirmation(user, applicationId.strip(), onRequest != null, "", model);
	}

	/** The erasure itself, once the reason is given and its finality confirmed. */
	@PostMapping("/verwaltung/datenschutz/loeschung")
	String erase(@AuthenticationPrincipal GrantsUser user, @RequestParam(name = "antrag") String applicationId,
			@RequestParam(name = "aufAntrag", required = false) String onRequest,
			@RequestParam(name = "privacyReason", required = false) String reason,
			@RequestParam(name = "privacyConfirmed", required = false) String confirmed, Model model,
			HttpServletResponse response) {
		String id = applicationId.strip();
		boolean request = "ja".equals(onRequest);
		AdminForms.Problems problems = this.forms.problems();
		if (reason == null || reason.isBlank()) {
			problems.add("privacyReason", this.forms.text("privacy.error.reason"));
		}
		else if (reason.strip().length() > PrivacyUseCases.MAX_REASON) {
			problems.add("privacyReason", this.forms.text("privacy.error.reasonLength", PrivacyUseCases.MAX_REASON));
		}
		if (!"ja".equals(confirmed)) {
			problems.add("privacyConfirmed", this.forms.text("privacy.error.confirm"));
		}
		if (problems.isEmpty()) {
			try {
				this.privacy.erase(user, id, reason, request);
				return "redirect:/verwaltung/datenschutz?geloescht=" + id;
			}
			catch (ApiException refused) {
				this.forms.refused(problems, refused, FIELDS, "privacyReason");
			}
		}
		this.forms.show(problems, model, response);
		return confirmation(user, id, request, reason, model);
	}

	/**
	 * Everything held about a person, as a JSON download; a bad address shows the page
	 * with the problem at its field.
	 */
	@GetMapping("/verwaltung/datenschutz/auskunft")
	Object export(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "privacyEmail", required = false) String email, Model model,
			HttpServletResponse response) throws JsonProcessingException {
		try {
			Map<String, Object> data = this.export.of(user, email);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("personenbezogene-daten.json").build().toString())
				.body(this.json.writerWithDefaultPrettyPrinter()
					.writeValueAsString(data)
					.getBytes(StandardCharsets.UTF_8));
		}
		catch (ApiException refused) {
			AdminForms.Problems problems = this.forms.problems();
			this.forms.refused(problems, refused, FIELDS, "privacyEmail");
			this.forms.show(problems, model, response);
			return page(user, email, "", model);
		}
	}

	private String page(GrantsUser user, String email, String requestId, Model model) {
		model.addAttribute("due", this.privacy.due(user, this.privacy.today()));
		model.addAttribute("erasures", this.privacy.erasures(user));
		model.addAttribute("privacyEmail", email);
		model.addAttribute("privacyApplication", requestId);
		model.addAttribute("today", this.privacy.today());
		return PAGE;
	}

	private String confirmation(GrantsUser user, String id, boolean onRequest, String reason, Model model) {
		FileRetention file = this.privacy.file(user, id);
		model.addAttribute("file", file);
		model.addAttribute("onRequest", onRequest);
		model.addAttribute("erasable", !file.erased() && (file.dueToday() || (onRequest && file.erasableOnRequest())));
		model.addAttribute("privacyReason", reason);
		return CONFIRM;
	}

}
