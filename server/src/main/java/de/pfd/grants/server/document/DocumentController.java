package de.pfd.grants.server.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.document.DocumentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The documents of an application: the file's bytes are the body of the upload (with
 * {@code kind} and {@code fileName} as parameters), not a form; its type is detected from
 * the content. The applicant of the application and staff upload, auditors read too;
 * anybody else gets 404.
 */
@RestController
@Tag(name = "Documents", description = "Unterlagen: offers, receipts, photos, the signed grant notice")
@SecurityRequirement(name = "basic")
class DocumentController {

	private final DocumentUseCases documents;

	DocumentController(DocumentUseCases documents) {
		this.documents = documents;
	}

	@PostMapping("/api/applications/{id}/documents")
	@PreAuthorize("hasAnyRole('APPLICANT', 'STAFF')")
	@Operation(summary = "Upload a document: the body is the file (PDF, JPEG or PNG, detected from the content; "
			+ "at most 10 MB by default), kind=OFFER|RECEIPT|PHOTO|SIGNED_NOTICE|OTHER, fileName as shown")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the file's bytes", required = true,
			content = { @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<DocumentView> upload(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String fileName,
			HttpServletRequest request) throws IOException {
		byte[] content;
		try (InputStream body = request.getInputStream()) {
			content = this.documents.read(body, request.getContentLengthLong());
		}
		DocumentView document = this.documents.attach(user, id, kind, fileName, content);
		return ResponseEntity.created(URI.create("/api/applications/" + id + "/documents/" + document.id().value()))
			.body(document);
	}

	@GetMapping("/api/applications/{id}/documents")
	@Operation(summary = "The documents of an application, oldest first (without content)")
	List<DocumentView> list(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.documents.list(user, id);
	}

	@GetMapping("/api/applications/{id}/documents/{documentId}")
	@Operation(summary = "Download a document: its content with the detected type, as an attachment")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String documentId) {
		return DocumentDownloads.file(this.documents.download(user, id, documentId));
	}

	@DeleteMapping("/api/applications/{id}/documents/{documentId}")
	@PreAuthorize("hasAnyRole('APPLICANT', 'STAFF')")
	@Operation(summary = "Remove a document: the applicant while the application is a draft or returned, staff "
			+ "any time")
	ResponseEntity<Void> remove(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String documentId) {
		this.documents.remove(user, id, documentId);
		return ResponseEntity.noContent().build();
	}

}
