package de.pfd.grants.command.document;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.document.AttachDocumentCommand;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentLimits;
import de.pfd.grants.shared.document.DocumentRemoved;
import de.pfd.grants.shared.document.RemoveDocumentCommand;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * The documents attached to an application (offers, receipts, photos, the signed notice):
 * who may attach or remove what when ({@link DocumentRules}) and the application's
 * limits, decided from its own events. The content is stored apart; the events carry its
 * SHA-256. Part of the {@link Application} aggregate.
 */
public class Attachments {

	private final Application application;

	/** The attached documents' sizes in bytes, by id. */
	private final Map<DocumentId, Long> sizes = new LinkedHashMap<>();

	/** Ids ever attached: a retried command is harmless, a removed id stays removed. */
	private final Set<DocumentId> known = new HashSet<>();

	private long bytes;

	public Attachments(Application application) {
		this.application = application;
	}

	@CommandHandler
	void handle(AttachDocumentCommand command, DocumentLimits limits) {
		if (!command.byStaff()) {
			this.application.requireOwner(command.attachedBy());
		}
		if (this.known.contains(command.documentId())) {
			// a retried request: attached already, nothing new
			return;
		}
		check(command.kind() != null, ErrorCode.INVALID_INPUT, "Art der Unterlage fehlt / kind is required", "kind");
		check(DocumentRules.validFileName(command.fileName()), ErrorCode.INVALID_INPUT,
				"Ungültiger Dateiname / invalid file name", "fileName");
		check(DocumentRules.validSha256(command.sha256()) && command.mediaType() != null, ErrorCode.INVALID_INPUT,
				"Ungültige Prüfsumme oder Art / invalid checksum or media type");
		check(command.size() > 0, ErrorCode.INVALID_INPUT, "Die Datei ist leer / the file is empty", "file");
		check(command.size() <= limits.maxFileBytes(), ErrorCode.REQUEST_TOO_LARGE,
				"Die Datei ist zu groß / the file is too large", "file");
		if (!command.byStaff() && !DocumentRules.applicantMayAttach(command.kind(), this.application.status())) {
			throw new RuleViolationException(ErrorCode.WRONG_STATUS,
					"Diese Art von Unterlage ist im Status " + this.application.status()
							+ " nicht möglich / a document of kind " + command.kind() + " cannot be attached in status "
							+ this.application.status(),
					"kind");
		}
		check(DocumentRules.fits(limits, this.sizes.size(), this.bytes, command.size()),
				ErrorCode.DOCUMENT_LIMIT_REACHED,
				"Der Antrag hat schon so viele Unterlagen, wie er haben darf / the application holds as many documents as it may",
				"file");
		apply(new DocumentAttached(this.application.applicationId(), command.documentId(), command.kind(),
				command.fileName().strip(), command.mediaType(), command.size(), command.sha256(),
				command.attachedBy()));
	}

	@CommandHandler
	void handle(RemoveDocumentCommand command) {
		if (!command.byStaff()) {
			this.application.requireOwner(command.removedBy());
		}
		if (!this.sizes.containsKey(command.documentId())) {
			if (this.known.contains(command.documentId())) {
				// removed already
				return;
			}
			throw new RuleViolationException(ErrorCode.NOT_FOUND, "Unterlage nicht gefunden / document not found");
		}
		if (!command.byStaff() && !DocumentRules.applicantMayRemove(this.application.status())) {
			throw this.application.wrongStatus("changed");
		}
		apply(new DocumentRemoved(this.application.applicationId(), command.documentId(), command.removedBy()));
	}

	/** Whether this document is attached (and not removed). */
	public boolean holds(DocumentId id) {
		return this.sizes.containsKey(id);
	}

	@EventSourcingHandler
	void on(DocumentAttached event) {
		this.known.add(event.documentId());
		this.sizes.put(event.documentId(), event.size());
		this.bytes += event.size();
	}

	@EventSourcingHandler
	void on(DocumentRemoved event) {
		Long size = this.sizes.remove(event.documentId());
		if (size != null) {
			this.bytes -= size;
		}
	}

}
