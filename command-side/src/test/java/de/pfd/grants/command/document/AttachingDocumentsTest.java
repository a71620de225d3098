package de.pfd.grants.command.document;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.grant.Grants;
import de.pfd.grants.shared.document.AttachDocumentCommand;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentLimits;
import de.pfd.grants.shared.document.DocumentRemoved;
import de.pfd.grants.shared.document.RemoveDocumentCommand;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * Documents of an application: the applicant attaches offers while drafting, receipts,
 * photos and the signed notice once approved; staff any time; nobody else. The limits per
 * application are decided from the application's own events.
 */
class AttachingDocumentsTest {

	private static final String SHA256 = "a".repeat(64);

	private static final DocumentId OFFER = new DocumentId("offer-1");

	/** 3 documents or 1,000 bytes per application, 600 bytes per file. */
	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters(), new DocumentLimits(600, 1000, 3));

	private static AttachDocumentCommand attach(DocumentId id, DocumentKind kind, long size, String by,
			boolean byStaff) {
		return new AttachDocumentCommand(Applications.APPLICATION, id, kind, "angebot.pdf", "application/pdf", size,
				SHA256, by, byStaff);
	}

	private static AttachDocumentCommand ownersOffer(long size) {
		return attach(OFFER, DocumentKind.OFFER, size, Applications.OWNER, false);
	}

	private static DocumentAttached attached(DocumentId id, DocumentKind kind, long size, String by) {
		return new DocumentAttached(Applications.APPLICATION, id, kind, "angebot.pdf", "application/pdf", size, SHA256,
				by);
	}

	@Test
	void the_applicant_attaches_an_offer_to_the_draft() {
		this.fixture.given(Applications.drafted())
			.when(ownersOffer(100))
			.expectSuccessfulHandlerExecution()
			.expectEvents(attached(OFFER, DocumentKind.OFFER, 100, Applications.OWNER));
	}

	@Test
	void another_applicant_is_told_the_application_does_not_exist() {
		this.fixture.given(Applications.drafted())
			.when(attach(OFFER, DocumentKind.OFFER, 100, Applications.OTHER_APPLICANT, false))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void an_offer_after_the_submission_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(ownersOffer(100))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void an_offer_to_an_application_returned_for_revision_is_attached() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1))
			.when(ownersOffer(100))
			.expectEvents(attached(OFFER, DocumentKind.OFFER, 100, Applications.OWNER));
	}

	@Test
	void a_receipt_to_a_draft_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted())
			.when(attach(new DocumentId("receipt-1"), DocumentKind.RECEIPT, 100, Applications.OWNER, false))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void receipts_photos_and_the_signed_notice_are_attached_once_approved() {
		this.fixture.given(Grants.confirmedGrant())
			.when(attach(new DocumentId("notice"), DocumentKind.SIGNED_NOTICE, 100, Applications.OWNER, false))
			.expectEvents(attached(new DocumentId("notice"), DocumentKind.SIGNED_NOTICE, 100, Applications.OWNER));
	}

	@Test
	void staff_attach_any_kind_at_any_time() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(attach(new DocumentId("note"), DocumentKind.SIGNED_NOTICE, 100, "staff-1", true))
			.expectEvents(attached(new DocumentId("note"), DocumentKind.SIGNED_NOTICE, 100, "staff-1"));
	}

	@Test
	void an_empty_file_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.drafted())
			.when(ownersOffer(0))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_file_above_the_limit_per_file_is_refused_with_REQUEST_TOO_LARGE() {
		this.fixture.given(Applications.drafted())
			.when(ownersOffer(601))
			.expectException(refusedWith(ErrorCode.REQUEST_TOO_LARGE))
			.expectNoEvents();
	}

	@Test
	void a_file_name_with_a_path_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.drafted())
			.when(new AttachDocumentCommand(Applications.APPLICATION, OFFER, DocumentKind.OFFER, "../etc/passwd",
					"application/pdf", 10, SHA256, Applications.OWNER, false))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void more_bytes_than_the_application_may_hold_are_refused_with_DOCUMENT_LIMIT_REACHED() {
		this.fixture
			.given(Applications.drafted(), attached(new DocumentId("a"), DocumentKind.OFFER, 600, Applications.OWNER))
			.when(ownersOffer(401))
			.expectException(refusedWith(ErrorCode.DOCUMENT_LIMIT_REACHED))
			.expectNoEvents();
	}

	@Test
	void more_documents_than_the_application_may_hold_are_refused_with_DOCUMENT_LIMIT_REACHED() {
		List<Object> given = new ArrayList<>(List.of(Applications.drafted()));
		for (String id : List.of("a", "b", "c")) {
			given.add(attached(new DocumentId(id), DocumentKind.OFFER, 10, Applications.OWNER));
		}
		this.fixture.given(given)
			.when(ownersOffer(10))
			.expectException(refusedWith(ErrorCode.DOCUMENT_LIMIT_REACHED))
			.expectNoEvents();
	}

	@Test
	void a_removed_document_frees_its_room() {
		this.fixture
			.given(Applications.drafted(), attached(new DocumentId("a"), DocumentKind.OFFER, 600, Applications.OWNER),
					new DocumentRemoved(Applications.APPLICATION, new DocumentId("a"), Applications.OWNER))
			.when(ownersOffer(600))
			.expectEvents(attached(OFFER, DocumentKind.OFFER, 600, Applications.OWNER));
	}

	@Test
	void the_same_document_attached_again_changes_nothing() {
		this.fixture.given(Applications.drafted(), attached(OFFER, DocumentKind.OFFER, 100, Applications.OWNER))
			.when(ownersOffer(100))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void the_applicant_removes_a_document_of_the_draft() {
		this.fixture.given(Applications.drafted(), attached(OFFER, DocumentKind.OFFER, 100, Applications.OWNER))
			.when(new RemoveDocumentCommand(Applications.APPLICATION, OFFER, Applications.OWNER, false))
			.expectEvents(new DocumentRemoved(Applications.APPLICATION, OFFER, Applications.OWNER));
	}

	@Test
	void removing_a_document_after_the_submission_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.drafted(), attached(OFFER, DocumentKind.OFFER, 100, Applications.OWNER),
					Applications.submitted(1))
			.when(new RemoveDocumentCommand(Applications.APPLICATION, OFFER, Applications.OWNER, false))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void removing_an_unknown_document_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted())
			.when(new RemoveDocumentCommand(Applications.APPLICATION, OFFER, Applications.OWNER, false))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

}
