package de.pfd.grants.server.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document as a download, the same for the API and the pages: with its detected type,
 * never shown inline nor sniffed by the browser, not kept in shared caches.
 */
public final class DocumentDownloads {

	private DocumentDownloads() {
	}

	public static ResponseEntity<byte[]> file(DocumentUseCases.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.document().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.document().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(download.content());
	}

}
