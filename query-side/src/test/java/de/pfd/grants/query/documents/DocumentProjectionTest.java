package de.pfd.grants.query.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentRemoved;
import de.pfd.grants.shared.document.DocumentView;
import de.pfd.grants.shared.document.FindDocumentsQuery;

/**
 * The list of an application's documents from hand-made events on the real event store:
 * attached ones in their order, removed ones gone, and the same events handled again (a
 * replay) give the same list.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class DocumentProjectionTest {

	static final String SHA256 = "0f".repeat(32);

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	DocumentProjection projection;

	@Test
	void attached_documents_are_listed_in_order_removed_ones_are_gone_and_a_replay_changes_nothing() {
		ApplicationId id = new ApplicationId("documents-" + UUID.randomUUID());
		Instant at = Instant.parse("2024-03-01T10:00:00Z");
		DocumentAttached offer = attached(id, "offer", DocumentKind.OFFER, "Angebot 1.pdf");
		DocumentAttached second = attached(id, "second", DocumentKind.OFFER, "Angebot 2.pdf");
		DocumentAttached photo = attached(id, "photo", DocumentKind.PHOTO, "Foto.png");
		DocumentRemoved removed = new DocumentRemoved(id, new DocumentId("second"), "applicant1");
		append(id, at, List.of(offer, second, photo, removed));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(documents(id)).extracting(d -> d.id().value()).containsExactly("offer", "photo"));
		DocumentView first = documents(id).get(0);
		assertThat(first.kind()).isEqualTo(DocumentKind.OFFER);
		assertThat(first.fileName()).isEqualTo("Angebot 1.pdf");
		assertThat(first.mediaType()).isEqualTo("application/pdf");
		assertThat(first.size()).isEqualTo(1234);
		assertThat(first.sha256()).isEqualTo(SHA256);
		assertThat(first.attachedBy()).isEqualTo("applicant1");
		assertThat(first.attachedAt()).isEqualTo(at);

		// the same events again, as a replay without a reset would deliver them
		this.transactionManager.executeInTransaction(() -> {
			this.projection.on(offer, 0, at);
			this.projection.on(second, 1, at);
			this.projection.on(photo, 2, at);
			this.projection.on(removed);
		});
		assertThat(documents(id)).extracting(d -> d.id().value()).containsExactly("offer", "photo");
	}

	private List<DocumentView> documents(ApplicationId id) {
		return this.queries.query(new FindDocumentsQuery(id), ResponseTypes.multipleInstancesOf(DocumentView.class))
			.join();
	}

	private static DocumentAttached attached(ApplicationId id, String documentId, DocumentKind kind, String name) {
		return new DocumentAttached(id, new DocumentId(documentId), kind, name,
				kind == DocumentKind.PHOTO ? "image/png" : "application/pdf", 1234, SHA256, "applicant1");
	}

	private void append(ApplicationId id, Instant at, List<Object> payloads) {
		List<EventMessage<?>> events = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			events.add(new GenericDomainEventMessage<>("Application", id.value(), i, payloads.get(i),
					MetaData.with("userId", "applicant1"), UUID.randomUUID().toString(), at));
		}
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));
	}

}
