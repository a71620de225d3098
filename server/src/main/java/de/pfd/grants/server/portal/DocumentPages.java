package de.pfd.grants.server.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.document.DocumentDownloads;
import de.pfd.grants.server.document.DocumentUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The documents on an application's page: upload (a form with the kind and the file),
 * download and removal (a button per document). A thin adapter over the same use cases as
 * the API; a refused upload shows the page again with the problem at the field and in the
 * summary, and nothing stored.
 */
@Controller
@Hidden
class DocumentPages {

	private final DocumentUseCases documents;

	private final ApplicationUseCases applications;

	private final PortalModel portal;

	DocumentPages(DocumentUseCases documents, ApplicationUseCases applications, PortalModel portal) {
		this.documents = documents;
		this.applications = applications;
		this.portal = portal;
	}

	@PostMapping("/antraege/{id}/unterlagen")
	@PreAuthorize("hasAnyRole('APPLICANT', 'STAFF')")
	String upload(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String kind,
			@RequestParam(name = "datei", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		try {
			if (file == null
					|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				// nothing chosen (the API's "fileName is required" would not say what to
				// do)
				throw ApiException.badInput("file", "Bitte wählen Sie eine Datei aus / please choose a file");
			}
			this.documents.attach(user, id, kind, name(file), content(file));
			return "redirect:/antraege/" + id + "?hochgeladen#unterlagen";
		}
		catch (RuntimeException refused) {
			Map<String, String> errors = fields(ApplicationFormPages.problems(refused));
			response.setStatus(refused instanceof ApiException api && api.status() == HttpStatus.PAYLOAD_TOO_LARGE
					? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("uploadErrors", errors);
			model.addAttribute("uploadSummary", summary(errors));
			model.addAttribute("uploadKind", kind);
			return this.portal.applicationPage(user, this.applications.detail(user, id), model);
		}
	}

	@PostMapping("/antraege/{id}/unterlagen/{documentId}/entfernen")
	@PreAuthorize("hasAnyRole('APPLICANT', 'STAFF')")
	String remove(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, @PathVariable String documentId,
			Model model, HttpServletResponse response) {
		try {
			this.documents.remove(user, id, documentId);
			return "redirect:/antraege/" + id + "?entfernt#unterlagen";
		}
		catch (RuntimeException refused) {
			Map<String, String> errors = fields(ApplicationFormPages.problems(refused));
			response.setStatus(refused instanceof ApiException api && api.status() == HttpStatus.NOT_FOUND
					? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value());
			model.addAttribute("uploadErrors", errors);
			model.addAttribute("uploadSummary", summary(errors));
			return this.portal.applicationPage(user, this.applications.detail(user, id), model);
		}
	}

	@GetMapping("/antraege/{id}/unterlagen/{documentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String documentId) {
		return DocumentDownloads.file(this.documents.download(user, id, documentId));
	}

	/** The name as the browser sent it, without a path some browsers put before it. */
	private static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null) {
			return null;
		}
		return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
	}

	/** Nothing chosen is an empty file; one too large is not read at all. */
	private byte[] content(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new byte[0];
		}
		if (file.getSize() > this.documents.maxFileBytes()) {
			throw this.documents.tooLarge();
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The form's two fields: the file (and its name), the kind; the rest to the form. */
	private static Map<String, String> fields(Map<String, String> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach((field, message) -> errors.merge(switch (field) {
			case "kind" -> "kind";
			case "file", "fileName" -> "file";
			default -> "form";
		}, message, (a, b) -> a));
		return errors;
	}

	private static List<ApplicationFormPages.ErrorItem> summary(Map<String, String> errors) {
		return errors.entrySet().stream().map(e -> switch (e.getKey()) {
			case "kind" -> new ApplicationFormPages.ErrorItem("unterlage-art", "documents.field.kind", 0, e.getValue(),
					"#unterlage-art");
			case "file" -> new ApplicationFormPages.ErrorItem("unterlage-datei", "documents.field.file", 0,
					e.getValue(), "#unterlage-datei");
			default -> new ApplicationFormPages.ErrorItem("unterlagen", "documents.field.form", 0, e.getValue(),
					"#unterlagen");
		}).toList();
	}

}
