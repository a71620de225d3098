package de.pfd.grants.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;

/**
 * The audit trail from hand-made events on the real event store: each event a line with
 * who did it (user and role from the metadata), its application and fund (also for events
 * that name only their aggregate), filtered and paged, never another partnership's event;
 * what the system did names the event that set it off; a reset and replay gives the same
 * rows.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class AuditTrailProjectionTest {

	static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void every_event_is_a_line_with_its_user_role_application_and_fund_scoped_to_its_partnership_and_a_replay_gives_the_same_rows() {
		String run = UUID.randomUUID().toString();
		PartnershipId ours = new PartnershipId("audit-" + run);
		PartnershipId theirs = new PartnershipId("other-" + run);
		FundId fund = new FundId("fund-" + run);
		FundId otherFund = new FundId("other-fund-" + run);
		ApplicationId application = new ApplicationId("app-" + run);
		ApplicationContent content = new ApplicationContent("Demokratiewerkstatt", "Workshops", "Sechs Workshops",
				ActionField.DEMOCRACY_PROMOTION, null, 20, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 30),
				new Applicant("Kulturverein", LegalForm.REGISTERED_ASSOCIATION, "Maria", "m@example.org", "Weg 1",
						null),
				List.of(new CostItem(CostCategory.FEES, "Honorare", Money.euros("4500.00"))), List.of(),
				Money.euros("4500.00"));

		String submitCommand = "cmd-" + run;
		append("Fund", fund.value(), 0, new FundOpened(fund, ours, FundType.ACTION_FUND,
				DecisionBodyType.STEERING_BOARD, 2024, Money.euros("35000.00"), null, null), user("staff", "STAFF"));
		append("Fund", otherFund.value(), 0, new FundOpened(otherFund, theirs, FundType.ACTION_FUND,
				DecisionBodyType.STEERING_BOARD, 2024, Money.euros("1000.00"), null, null), user("alien", "STAFF"));
		append("Application", application.value(), 0,
				new ApplicationDrafted(application, ours, fund, "applicant1", content, null),
				user("applicant1", "APPLICANT"));
		append("Application", application.value(), 1, new ApplicationSubmitted(application, fund, 2, content, null),
				user("applicant1", "APPLICANT").and("traceId", submitCommand).and("correlationId", submitCommand));
		append("Application", application.value(), 2, new VoteCast(application, "board1", VoteChoice.YES),
				user("board1", "MEMBER"));
		// a process answers the submission's chain with a command of its own
		append("Fund", fund.value(), 1, new FundsReserved(fund, application, Money.euros("4500.00"), null, null, null),
				user("system", "SYSTEM").and("traceId", submitCommand).and("correlationId", "process-" + run));
		append("Application", application.value(), 3, new ApprovedFundsReserved(application, Money.euros("4500.00")),
				user("system", "SYSTEM").and("traceId", submitCommand).and("correlationId", "process2-" + run));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(all(ours).total()).isEqualTo(6));
		List<AuditEvent> lines = all(ours).events();
		assertThat(lines).extracting(AuditEvent::eventType)
			.containsExactly("FundOpened", "ApplicationDrafted", "ApplicationSubmitted", "VoteCast", "FundsReserved",
					"ApprovedFundsReserved");
		assertThat(lines).extracting(AuditEvent::position).isSorted();
		AuditEvent submitted = lines.get(2);
		assertThat(submitted.actor()).isEqualTo("applicant1");
		assertThat(submitted.role()).isEqualTo("APPLICANT");
		assertThat(submitted.applicationId()).isEqualTo(application.value());
		assertThat(submitted.fundId()).isEqualTo(fund.value());
		assertThat(submitted.aggregateType()).isEqualTo("Application");
		assertThat(submitted.sequenceNumber()).isEqualTo(1L);
		// revision 2: the applicant's texts are stored encrypted (ADR 0012) and read
		// plain
		assertThat(submitted.revision()).isEqualTo("2");
		assertThat(submitted.payloadJson()).contains("\"email\":\"m@example.org\"");
		assertThat(this.jdbc.queryForObject("SELECT payload_json FROM audit_event WHERE event_id = ?", String.class,
				submitted.eventId()))
			.doesNotContain("m@example.org")
			.contains("\"email\":\"pd1:application:");
		assertThat(submitted.at()).isEqualTo(AT);
		assertThat(submitted.payloadJson()).contains("\"version\":2").contains("4500.00");
		// the vote names only the application: its fund comes from the application's
		// draft
		AuditEvent vote = lines.get(3);
		assertThat(vote.actor()).isEqualTo("board1");
		assertThat(vote.role()).isEqualTo("MEMBER");
		assertThat(vote.fundId()).isEqualTo(fund.value());
		// the system's reservation names the event that set it off
		AuditEvent reserved = lines.get(4);
		assertThat(reserved.bySystem()).isTrue();
		assertThat(reserved.applicationId()).isEqualTo(application.value());
		assertThat(reserved.causedBy()).isNotNull();
		assertThat(reserved.causedBy().eventType()).isEqualTo("ApplicationSubmitted");
		assertThat(reserved.causedBy().actor()).isEqualTo("applicant1");
		assertThat(lines.get(5).causedBy().eventType()).isEqualTo("FundsReserved");

		// filters and pages
		assertThat(
				page(new FindAuditEventsQuery(ours, application.value(), null, null, null, null, null, 0, 50)).total())
			.isEqualTo(5);
		assertThat(page(new FindAuditEventsQuery(ours, null, null, "board1", null, null, null, 0, 50)).events())
			.extracting(AuditEvent::eventType)
			.containsExactly("VoteCast");
		assertThat(page(new FindAuditEventsQuery(ours, null, fund.value(), null, List.of("VoteCast", "FundOpened"),
				null, null, 0, 50))
			.events()).extracting(AuditEvent::eventType).containsExactly("FundOpened", "VoteCast");
		assertThat(page(new FindAuditEventsQuery(ours, null, null, null, null, AT.plusSeconds(1), null, 0, 50)).total())
			.isZero();
		AuditEventPage second = page(
				new FindAuditEventsQuery(ours, null, null, null, null, AT, AT.plusSeconds(1), 1, 4));
		assertThat(second.events()).extracting(AuditEvent::eventType)
			.containsExactly("FundsReserved", "ApprovedFundsReserved");
		assertThat(second.pages()).isEqualTo(2);
		assertThat(second.hasNext()).isFalse();
		// never another partnership's event
		assertThat(all(ours).events()).extracting(AuditEvent::actor).doesNotContain("alien");
		assertThat(all(theirs).events()).extracting(AuditEvent::actor).containsExactly("alien");

		// a reset and a replay write the same rows
		List<Map<String, Object>> before = rows(ours);
		StreamingEventProcessor processor = this.processing
			.eventProcessor(AuditTrailProjection.GROUP, StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(ours)).isEqualTo(before));
		assertThat(all(ours).events().get(4).causedBy().eventType()).isEqualTo("ApplicationSubmitted");
	}

	private List<Map<String, Object>> rows(PartnershipId partnership) {
		return this.jdbc.queryForList("SELECT * FROM audit_event WHERE partnership_id = ? ORDER BY global_position",
				partnership.value());
	}

	private AuditEventPage all(PartnershipId partnership) {
		return page(new FindAuditEventsQuery(partnership, null, null, null, null, null, null, 0, 50));
	}

	private AuditEventPage page(FindAuditEventsQuery query) {
		return this.queries.query(query, ResponseTypes.instanceOf(AuditEventPage.class)).join();
	}

	private static MetaData user(String name, String role) {
		return MetaData.with("userId", name).and("userRole", role);
	}

	private void append(String type, String id, long sequence, Object payload, MetaData meta) {
		List<EventMessage<?>> events = new ArrayList<>();
		events
			.add(new GenericDomainEventMessage<>(type, id, sequence, payload, meta, UUID.randomUUID().toString(), AT));
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));
	}

}
