package de.pfd.grants.server.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.document.AttachDocumentCommand;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentLimits;
import de.pfd.grants.shared.document.DocumentView;
import de.pfd.grants.shared.document.FindDocumentsQuery;
import de.pfd.grants.shared.document.RemoveDocumentCommand;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * The documents of an application, for every adapter: upload (the type detected from the
 * content, the SHA-256 computed here), list, download and removal. The content is stored
 * first and deleted again if the application refuses the document, so a refused upload
 * leaves neither a row nor an event (ADR 0008). Who may see the documents is the access
 * policy's; who may attach what when is the application's.
 */
@Service
public class DocumentUseCases {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ReadYourWrites reads;

	private final AccessPolicy access;

	private final DocumentStore store;

	private final DocumentTypes types;

	private final DocumentLimits limits;

	/**
	 * How much of a body too large is still read to answer it (as the pages' multipart
	 * limit, spring.servlet.multipart.max-request-size).
	 */
	static final long DRAIN_BYTES = 64L * 1024 * 1024;

	DocumentUseCases(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, AccessPolicy access,
			DocumentStore store, DocumentTypes types, ObjectProvider<DocumentLimits> limits) {
		this.commands = commands;
		this.queries = queries;
		this.reads = reads;
		this.access = access;
		this.store = store;
		this.types = types;
		// the command side's limits; an HTTP front without it (distributed) stops reading
		// at the default, and the command side decides
		this.limits = limits.getIfAvailable(() -> DocumentLimits.DEFAULT);
	}

	/** A document with its content, for a download. */
	public record Download(DocumentView document, byte[] content) {
	}

	/** The most bytes one file may have. */
	public long maxFileBytes() {
		return this.limits.maxFileBytes();
	}

	/**
	 * Reads an upload's body, at most one byte more than a file may have: a larger one is
	 * refused (413) without being held in memory. The rest of it is read and dropped (up
	 * to {@link #DRAIN_BYTES}), so that the client hears the refusal instead of a closed
	 * connection.
	 */
	public byte[] read(InputStream body, long declaredLength) {
		if (declaredLength > DRAIN_BYTES) {
			throw tooLarge();
		}
		try {
			byte[] content = body.readNBytes(Math.toIntExact(maxFileBytes() + 1));
			if (content.length > maxFileBytes()) {
				drain(body);
				throw tooLarge();
			}
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads and drops what is left of a body, at most {@link #DRAIN_BYTES}. */
	private static void drain(InputStream body) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = DRAIN_BYTES;
		int read;
		while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
			left -= read;
		}
	}

	public ApiException tooLarge() {
		return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
				"Die Datei ist zu groß (höchstens " + megabytes(maxFileBytes())
						+ " MB) / the file is too large (at most " + megabytes(maxFileBytes()) + " MB)",
				"file");
	}

	private static long megabytes(long bytes) {
		return bytes / (1024 * 1024);
	}

	/**
	 * Attaches a document: {@code kind} one of {@link DocumentKind}, {@code fileName} as
	 * uploaded. Answers the document as listed.
	 */
	public DocumentView attach(GrantsUser user, String applicationId, String kind, String fileName, byte[] content) {
		ApplicationDetail application = this.access.documentsOf(user, applicationId);
		DocumentKind documentKind = kind(kind);
		if (fileName == null || fileName.isBlank()) {
			throw ApiException.badInput("fileName", "Dateiname fehlt / fileName is required");
		}
		if (content == null || content.length == 0) {
			throw ApiException.badInput("file", "Die Datei ist leer / the file is empty");
		}
		if (content.length > maxFileBytes()) {
			throw tooLarge();
		}
		String mediaType = this.types.detect(content);
		if (!DocumentTypes.allowed(mediaType)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.DOCUMENT_TYPE_NOT_ALLOWED,
					"Nur PDF-, JPEG- und PNG-Dateien sind erlaubt; diese Datei ist " + mediaType
							+ " / only PDF, JPEG and PNG files are allowed; this file is " + mediaType,
					"file");
		}
		DocumentId id = DocumentId.random();
		AttachDocumentCommand command = new AttachDocumentCommand(application.id(), id, documentKind, fileName.strip(),
				mediaType, content.length, sha256(content), user.username(), user.role() == Role.STAFF);
		this.store.insert(id, application.id(), content, command.sha256(), mediaType, Instant.now());
		return this.reads.write(List.of(Watch.application(application.id(), user.partnershipId())), () -> {
			try {
				this.commands.sendAndWait(command);
			}
			catch (CommandExecutionException refused) {
				// the application refused it: nothing of it stays
				this.store.delete(id, application.id());
				throw refused;
			}
		}, () -> find(application, id));
	}

	public List<DocumentView> list(GrantsUser user, String applicationId) {
		return documents(this.access.documentsOf(user, applicationId));
	}

	/**
	 * A document of an application the user may see; the id of a document of another
	 * application is 404 like an unknown one.
	 */
	public Download download(GrantsUser user, String applicationId, String documentId) {
		ApplicationDetail application = this.access.documentsOf(user, applicationId);
		DocumentView document = find(application, documentId(documentId));
		return new Download(document,
				this.store.content(document.id(), application.id()).orElseThrow(DocumentUseCases::notFound));
	}

	/** Removes a document (its owner while drafting, staff any time) and its content. */
	public void remove(GrantsUser user, String applicationId, String documentId) {
		ApplicationDetail application = this.access.documentsOf(user, applicationId);
		DocumentView document = find(application, documentId(documentId));
		this.reads.write(List.of(Watch.application(application.id(), user.partnershipId())),
				() -> this.commands.sendAndWait(new RemoveDocumentCommand(application.id(), document.id(),
						user.username(), user.role() == Role.STAFF)),
				() -> null);
		this.store.delete(document.id(), application.id());
	}

	private List<DocumentView> documents(ApplicationDetail application) {
		return this.queries
			.query(new FindDocumentsQuery(application.id()), ResponseTypes.multipleInstancesOf(DocumentView.class))
			.join();
	}

	private DocumentView find(ApplicationDetail application, DocumentId id) {
		return documents(application).stream()
			.filter(document -> document.id().equals(id))
			.findFirst()
			.orElseThrow(DocumentUseCases::notFound);
	}

	private static DocumentId documentId(String id) {
		try {
			return new DocumentId(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw notFound();
		}
	}

	private static DocumentKind kind(String kind) {
		try {
			return DocumentKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badInput("kind",
					"Art der Unterlage fehlt oder ist unbekannt (OFFER, RECEIPT, PHOTO, SIGNED_NOTICE, OTHER) / kind is missing or unknown");
		}
	}

	private static ApiException notFound() {
		return ApiException.notFound("Unterlage / document");
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
