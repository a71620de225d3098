package de.pfd.grants.query.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.organisation.AccountLinkedToOrganisation;
import de.pfd.grants.shared.organisation.FindOrganisationQuery;
import de.pfd.grants.shared.organisation.FindOrganisationsQuery;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationMerged;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The organisation projection on the real event store: accounts belong to organisations,
 * a merged duplicate (also one merged into a duplicate that is merged later) resolves to
 * the final survivor for listing and membership, and a replay rebuilds the same. Same
 * context as {@code ApplicationProjectionTest}.
 */
@SpringBootTest(classes = QuerySideApplication.class,
		properties = { "axon.axonserver.enabled=false", "axon.serializer.general=jackson",
				"axon.serializer.events=jackson", "axon.serializer.messages=jackson",
				"axon.eventhandling.processors.fund-budget.mode=pooled",
				"axon.eventhandling.processors.fund-budget.batch-size=100",
				"axon.eventhandling.processors.fund-budget.dlq.enabled=true",
				"axon.eventhandling.processors.applications.mode=pooled",
				"axon.eventhandling.processors.applications.batch-size=100",
				"axon.eventhandling.processors.applications.dlq.enabled=true" })
class OrganisationProjectionTest {

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void merged_duplicates_resolve_to_the_final_survivor_and_a_replay_rebuilds_the_same() {
		PartnershipId partnership = new PartnershipId("pfd-org-" + UUID.randomUUID().toString().substring(0, 8));
		OrganisationId dupe = new OrganisationId(UUID.randomUUID().toString());
		OrganisationId middle = new OrganisationId(UUID.randomUUID().toString());
		OrganisationId survivor = new OrganisationId(UUID.randomUUID().toString());
		OrganisationId other = new OrganisationId(UUID.randomUUID().toString());
		List<EventMessage<?>> events = new ArrayList<>();
		events.add(event(dupe, 0, registered(dupe, partnership, "Kulturverein Mettmann eV")));
		events.add(event(dupe, 1, new AccountLinkedToOrganisation(dupe, "u-one")));
		events.add(event(middle, 0, registered(middle, partnership, "Kulturverein Mettmann")));
		events.add(event(survivor, 0, registered(survivor, partnership, "Kulturverein Mettmann e.V.")));
		events.add(event(survivor, 1, new AccountLinkedToOrganisation(survivor, "u-two")));
		events.add(event(other, 0, registered(other, partnership, "Initiative Vielfalt Hilden")));
		events.add(event(other, 1, new AccountLinkedToOrganisation(other, "u-one")));
		// the duplicate into a second duplicate, which is merged afterwards
		events.add(event(dupe, 2, new OrganisationMerged(dupe, middle)));
		events.add(event(middle, 1, new OrganisationMerged(middle, survivor)));
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(find(middle, partnership))
				.hasValueSatisfying(view -> assertThat(view.mergedInto()).isEqualTo(survivor)));
		assertResolved(partnership, dupe, middle, survivor, other);

		StreamingEventProcessor processor = this.processing
			.eventProcessor(OrganisationProjection.GROUP, StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(find(survivor, partnership)).isEmpty();
		processor.start();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(find(middle, partnership))
				.hasValueSatisfying(view -> assertThat(view.mergedInto()).isEqualTo(survivor)));
		assertResolved(partnership, dupe, middle, survivor, other);
	}

	private void assertResolved(PartnershipId partnership, OrganisationId dupe, OrganisationId middle,
			OrganisationId survivor, OrganisationId other) {
		// the duplicate points straight at the final survivor
		assertThat(find(dupe, partnership).orElseThrow().mergedInto()).isEqualTo(survivor);
		OrganisationView merged = find(survivor, partnership).orElseThrow();
		assertThat(merged.members()).containsExactly("u-one", "u-two");
		assertThat(merged.mergedIds()).containsExactlyInAnyOrder(dupe, middle);
		assertThat(list(partnership, null)).extracting(OrganisationView::id).containsExactly(other, survivor);
		assertThat(list(partnership, "u-one")).extracting(OrganisationView::id).containsExactly(other, survivor);
		assertThat(list(partnership, "u-two")).extracting(OrganisationView::id).containsExactly(survivor);
		assertThat(list(partnership, "u-nobody")).isEmpty();
		// another partnership does not see them
		assertThat(find(survivor, new PartnershipId("pfd-elsewhere"))).isEmpty();
	}

	private Optional<OrganisationView> find(OrganisationId id, PartnershipId partnership) {
		return this.queries
			.query(new FindOrganisationQuery(id, partnership), ResponseTypes.optionalInstanceOf(OrganisationView.class))
			.join();
	}

	private List<OrganisationView> list(PartnershipId partnership, String member) {
		return this.queries
			.query(new FindOrganisationsQuery(partnership, member),
					ResponseTypes.multipleInstancesOf(OrganisationView.class))
			.join();
	}

	private static OrganisationRegistered registered(OrganisationId id, PartnershipId partnership, String name) {
		return new OrganisationRegistered(id, partnership, name, LegalForm.REGISTERED_ASSOCIATION, null, null, null);
	}

	private static EventMessage<?> event(OrganisationId id, long sequence, Object payload) {
		return new GenericDomainEventMessage<>("Organisation", id.value(), sequence, payload,
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), Instant.now());
	}

}
