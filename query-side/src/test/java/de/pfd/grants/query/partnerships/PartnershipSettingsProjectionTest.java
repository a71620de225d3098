package de.pfd.grants.query.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import de.pfd.grants.shared.partnership.PartnershipSettingsChanged;

/**
 * The partnerships' settings read model on the real JDBC event store: the newest settings
 * win, a partnership that never changed them reads the defaults, and a replay gives the
 * same.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class PartnershipSettingsProjectionTest {

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer eventSerializer;

	private PartnershipSettings settings(PartnershipId partnership) {
		return this.queries
			.query(new FindPartnershipSettingsQuery(partnership), ResponseTypes.instanceOf(PartnershipSettings.class))
			.join();
	}

	private static EventMessage<?> event(PartnershipId partnership, long sequence, Object payload) {
		return new GenericDomainEventMessage<>("Partnership", partnership.value(), sequence, payload,
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), Instant.now());
	}

	@Test
	void the_newest_settings_win_the_defaults_stand_until_then_and_a_replay_reads_the_same() {
		PartnershipId changed = new PartnershipId("settings-" + UUID.randomUUID().toString().substring(0, 8));
		PartnershipId untouched = new PartnershipId("untouched-" + UUID.randomUUID().toString().substring(0, 8));
		List<EventMessage<?>> events = List.of(event(changed, 0, new PartnershipRegistered(changed, "A")),
				event(changed, 1, new PartnershipSettingsChanged(changed, false, 14)),
				event(changed, 2, new PartnershipSettingsChanged(changed, true, 30)),
				event(untouched, 0, new PartnershipRegistered(untouched, "B")));
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));

		PartnershipSettings expected = new PartnershipSettings(true, 30);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(settings(changed)).isEqualTo(expected));
		assertThat(settings(untouched)).isEqualTo(PartnershipSettings.DEFAULTS);

		StreamingEventProcessor processor = this.processing
			.eventProcessor("partnerships", StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(settings(changed)).isEqualTo(PartnershipSettings.DEFAULTS);
		processor.start();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(settings(changed)).isEqualTo(expected));
	}

	@Test
	void the_retention_periods_are_stored_and_a_change_without_them_reads_the_defaults() {
		PartnershipId partnership = new PartnershipId("retention-" + UUID.randomUUID().toString().substring(0, 8));
		List<EventMessage<?>> events = List.of(event(partnership, 0, new PartnershipRegistered(partnership, "R")),
				event(partnership, 1, new PartnershipSettingsChanged(partnership, true, 21, 12, 2)));
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));

		PartnershipSettings expected = new PartnershipSettings(true, 21, 12, 2);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(settings(partnership)).isEqualTo(expected));
		assertThat(settings(partnership).effectiveRetentionYears()).isEqualTo(12);
		assertThat(settings(partnership).effectiveUnsuccessfulRetentionYears()).isEqualTo(2);
	}

	@Test
	void an_event_stored_before_the_retention_rule_reads_as_its_defaults() {
		PartnershipId partnership = new PartnershipId("old-" + UUID.randomUUID().toString().substring(0, 8));
		SerializedObject<String> today = this.eventSerializer
			.serialize(new PartnershipSettingsChanged(partnership, false, 14, 5, 3), String.class);
		String before = today.getData()
			.replace(",\"retentionYears\":5", "")
			.replace(",\"unsuccessfulRetentionYears\":3", "");
		assertThat(before).doesNotContain("etention");

		PartnershipSettingsChanged read = this.eventSerializer.deserialize(new SimpleSerializedObject<>(before,
				String.class, new SimpleSerializedType(PartnershipSettingsChanged.class.getName(), "1")));

		assertThat(read).isEqualTo(new PartnershipSettingsChanged(partnership, false, 14));
		PartnershipSettings settings = new PartnershipSettings(read.fourEyesPayouts(), read.processingTimeTargetDays(),
				read.retentionYears(), read.unsuccessfulRetentionYears());
		assertThat(settings.effectiveRetentionYears()).isEqualTo(PartnershipSettings.DEFAULT_RETENTION_YEARS)
			.isEqualTo(10);
		assertThat(settings.effectiveUnsuccessfulRetentionYears())
			.isEqualTo(PartnershipSettings.DEFAULT_UNSUCCESSFUL_RETENTION_YEARS)
			.isEqualTo(1);
	}

}
