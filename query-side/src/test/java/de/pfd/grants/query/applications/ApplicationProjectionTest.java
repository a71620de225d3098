package de.pfd.grants.query.applications;

import static de.pfd.grants.query.applications.ApplicationHistories.ACCEPT_NOTE;
import static de.pfd.grants.query.applications.ApplicationHistories.APPLICANT_1;
import static de.pfd.grants.query.applications.ApplicationHistories.APPLICANT_2;
import static de.pfd.grants.query.applications.ApplicationHistories.APPLICANT_3;
import static de.pfd.grants.query.applications.ApplicationHistories.A_ACCEPTED;
import static de.pfd.grants.query.applications.ApplicationHistories.A_DRAFTED;
import static de.pfd.grants.query.applications.ApplicationHistories.A_RETURNED;
import static de.pfd.grants.query.applications.ApplicationHistories.A_SUBMITTED_1;
import static de.pfd.grants.query.applications.ApplicationHistories.A_SUBMITTED_2;
import static de.pfd.grants.query.applications.ApplicationHistories.A_VERSION_2;
import static de.pfd.grants.query.applications.ApplicationHistories.B_CONTENT;
import static de.pfd.grants.query.applications.ApplicationHistories.B_DRAFTED;
import static de.pfd.grants.query.applications.ApplicationHistories.B_SUBMITTED;
import static de.pfd.grants.query.applications.ApplicationHistories.B_WITHDRAWN;
import static de.pfd.grants.query.applications.ApplicationHistories.C_SUBMITTED;
import static de.pfd.grants.query.applications.ApplicationHistories.D_CONTENT;
import static de.pfd.grants.query.applications.ApplicationHistories.D_DRAFTED;
import static de.pfd.grants.query.applications.ApplicationHistories.D_REJECTED;
import static de.pfd.grants.query.applications.ApplicationHistories.D_SUBMITTED;
import static de.pfd.grants.query.applications.ApplicationHistories.REJECT_REASON;
import static de.pfd.grants.query.applications.ApplicationHistories.RETURN_NOTE;
import static de.pfd.grants.query.applications.ApplicationHistories.STAFF;
import static de.pfd.grants.query.applications.ApplicationHistories.WITHDRAW_REASON;
import static de.pfd.grants.query.applications.ApplicationHistories.appendScenario;
import static de.pfd.grants.query.applications.ApplicationHistories.randomSuffix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import de.pfd.grants.query.applications.ApplicationHistories.Scenario;
import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationDetail.StatusChange;
import de.pfd.grants.shared.application.ApplicationDetail.SubmittedVersion;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.application.FindProcessingTimesQuery;
import de.pfd.grants.shared.application.ProcessingTimes;
import de.pfd.grants.shared.application.ProcessingTimes.Stage;
import de.pfd.grants.shared.application.ProcessingTimes.Stages;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The application projection on the real JDBC event store and read tables: the 2019
 * action and youth funds of a fresh partnership and four applications with their whole
 * histories (see {@link ApplicationHistories}) are appended as domain events, projected
 * by the pooled processors {@code applications} and {@code fund-budget} and read back
 * through the query gateway, also after replays. Each test appends a scenario of its own.
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
class ApplicationProjectionTest {

	private static final String APPLICATIONS = "applications";

	private static final String FUND_BUDGET = "fund-budget";

	private static final Duration AT_MOST = Duration.ofSeconds(10);

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	TokenStore tokenStore;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void a_returned_and_resubmitted_application_reads_with_its_revised_content_full_history_and_both_versions() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		Instant before = Instant.now();
		ApplicationDetail detail = findApplication(s.a(), s.partnership()).orElseThrow();
		Instant after = Instant.now();

		assertThat(detail.daysInStatus()).isBetween(days(A_ACCEPTED, before), days(A_ACCEPTED, after));
		assertThat(ReadDetail.of(detail)).isEqualTo(new ReadDetail(s.a(), s.partnership(), s.actionFund(),
				DecisionBodyType.STEERING_BOARD, APPLICANT_1, ApplicationStatus.READY_FOR_DECISION, 2, A_DRAFTED,
				A_SUBMITTED_2, A_ACCEPTED, A_VERSION_2, Money.euros("4800.00"), Money.euros("1000.00"),
				new BigDecimal("20.8"),
				List.of(new StatusChange(ApplicationStatus.DRAFT, A_DRAFTED, APPLICANT_1, null, 0),
						new StatusChange(ApplicationStatus.SUBMITTED, A_SUBMITTED_1, APPLICANT_1, null, 1),
						new StatusChange(ApplicationStatus.RETURNED_FOR_REVISION, A_RETURNED, STAFF, RETURN_NOTE, 1),
						new StatusChange(ApplicationStatus.SUBMITTED, A_SUBMITTED_2, APPLICANT_1, null, 2),
						new StatusChange(ApplicationStatus.READY_FOR_DECISION, A_ACCEPTED, STAFF, ACCEPT_NOTE, 2)),
				List.of(new SubmittedVersion(1, A_SUBMITTED_1, Money.euros("4000.00")),
						new SubmittedVersion(2, A_SUBMITTED_2, Money.euros("3800.00")))));
	}

	@Test
	void a_withdrawn_and_a_rejected_application_read_with_the_reason_in_their_history() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		Instant before = Instant.now();
		ApplicationDetail b = findApplication(s.b(), s.partnership()).orElseThrow();
		ApplicationDetail d = findApplication(s.d(), s.partnership()).orElseThrow();
		Instant after = Instant.now();

		assertThat(b.daysInStatus()).isBetween(days(B_WITHDRAWN, before), days(B_WITHDRAWN, after));
		assertThat(ReadDetail.of(b)).isEqualTo(new ReadDetail(s.b(), s.partnership(), s.actionFund(),
				DecisionBodyType.STEERING_BOARD, APPLICANT_2, ApplicationStatus.WITHDRAWN, 1, B_DRAFTED, B_SUBMITTED,
				B_WITHDRAWN, B_CONTENT, Money.euros("2750.00"), Money.euros("250.00"),
				// 250.00 / 2750.00 = 9.09 %
				new BigDecimal("9.1"),
				List.of(new StatusChange(ApplicationStatus.DRAFT, B_DRAFTED, APPLICANT_2, null, 0),
						new StatusChange(ApplicationStatus.SUBMITTED, B_SUBMITTED, APPLICANT_2, null, 1),
						new StatusChange(ApplicationStatus.WITHDRAWN, B_WITHDRAWN, APPLICANT_2, WITHDRAW_REASON, 1)),
				List.of(new SubmittedVersion(1, B_SUBMITTED, Money.euros("2500.00")))));
		assertThat(d.daysInStatus()).isBetween(days(D_REJECTED, before), days(D_REJECTED, after));
		assertThat(ReadDetail.of(d)).isEqualTo(new ReadDetail(s.d(), s.partnership(), s.youthFund(),
				DecisionBodyType.YOUTH_FORUM, APPLICANT_3, ApplicationStatus.REJECTED, 1, D_DRAFTED, D_SUBMITTED,
				D_REJECTED, D_CONTENT, Money.euros("900.00"), Money.ZERO, new BigDecimal("0.0"),
				List.of(new StatusChange(ApplicationStatus.DRAFT, D_DRAFTED, APPLICANT_3, null, 0),
						new StatusChange(ApplicationStatus.SUBMITTED, D_SUBMITTED, APPLICANT_3, null, 1),
						new StatusChange(ApplicationStatus.REJECTED, D_REJECTED, STAFF, REJECT_REASON, 1)),
				List.of(new SubmittedVersion(1, D_SUBMITTED, Money.euros("900.00")))));
	}

	@Test
	void another_partnership_sees_neither_the_applications_nor_their_processing_times() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();
		assertThat(findApplication(s.a(), s.partnership())).isPresent();
		PartnershipId stranger = new PartnershipId("stranger-" + randomSuffix());

		assertThat(findApplication(s.a(), stranger)).isEmpty();
		assertThat(findApplication(s.b(), stranger)).isEmpty();
		assertThat(findApplications(new FindApplicationsQuery(stranger, null, null, null, null))).isEmpty();
		assertThat(findApplications(new FindApplicationsQuery(stranger, null, null, s.actionFund(), null))).isEmpty();
		Stage none = new Stage(null, null, 0, 0, 0);
		assertThat(findProcessingTimes(s.actionFund(), stranger)).isEqualTo(
				new ProcessingTimes(s.actionFund(), null, null, 21, new Stages(none, none, none), null, 0, 0, 0, null));
		assertThat(findProcessingTimes(s.youthFund(), stranger)).isEqualTo(
				new ProcessingTimes(s.youthFund(), null, null, 21, new Stages(none, none, none), null, 0, 0, 0, null));
		assertThat(findProcessingTimes(null, stranger))
			.isEqualTo(new ProcessingTimes(null, null, null, 21, new Stages(none, none, none), null, 0, 0, 0, null));
	}

	@Test
	void the_summaries_are_filtered_by_owner_decision_body_fund_and_status_newest_first() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		Instant before = Instant.now();
		List<ApplicationSummary> all = findApplications(
				new FindApplicationsQuery(s.partnership(), null, null, null, null));
		Instant after = Instant.now();
		assertThat(all).usingRecursiveFieldByFieldElementComparatorIgnoringFields("daysInStatus", "office")
			.containsExactly(s.summaryD(), s.summaryC(), s.summaryB(), s.summaryA());
		// the office (a query over the whole partnership) also learns since when each is
		// in its status
		assertThat(all)
			.allSatisfy(summary -> assertThat(summary.office().statusSince()).isEqualTo(s.statusSince(summary.id())));
		assertThat(all).allSatisfy(summary -> assertThat(summary.daysInStatus()).as("days in status of %s", summary)
			.isBetween(days(s.statusSince(summary.id()), before), days(s.statusSince(summary.id()), after)));

		// an applicant's own only
		assertThat(ids(new FindApplicationsQuery(s.partnership(), APPLICANT_1, null, null, null)))
			.containsExactly(s.c(), s.a());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), APPLICANT_2, null, null, null)))
			.containsExactly(s.b());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), "nobody", null, null, null))).isEmpty();
		// an applicant's own list says nothing of the office's facts
		assertThat(findApplications(new FindApplicationsQuery(s.partnership(), APPLICANT_1, null, null, null)))
			.isNotEmpty()
			.allSatisfy(summary -> assertThat(summary.office()).isNull());
		// before the body: accepted by the formal check, in the fund the body decides
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, DecisionBodyType.STEERING_BOARD, null, null)))
			.containsExactly(s.a());
		// C still waits for its check, D was rejected by it: nothing
		// before the youth forum
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, DecisionBodyType.YOUTH_FORUM, null, null)))
			.isEmpty();
		// by fund
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, null, s.actionFund(), null)))
			.containsExactly(s.b(), s.a());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, null, s.youthFund(), null)))
			.containsExactly(s.d(), s.c());
		// by status
		assertThat(
				ids(new FindApplicationsQuery(s.partnership(), null, null, null, ApplicationStatus.READY_FOR_DECISION)))
			.containsExactly(s.a());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, null, null, ApplicationStatus.WITHDRAWN)))
			.containsExactly(s.b());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, null, null, ApplicationStatus.SUBMITTED)))
			.containsExactly(s.c());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), null, null, null, ApplicationStatus.DRAFT)))
			.isEmpty();
		// combined
		assertThat(ids(new FindApplicationsQuery(s.partnership(), APPLICANT_1, null, s.actionFund(),
				ApplicationStatus.READY_FOR_DECISION)))
			.containsExactly(s.a());
		assertThat(ids(new FindApplicationsQuery(s.partnership(), APPLICANT_1, DecisionBodyType.STEERING_BOARD,
				s.youthFund(), null)))
			.isEmpty();
		assertThat(ids(
				new FindApplicationsQuery(s.partnership(), APPLICANT_2, DecisionBodyType.STEERING_BOARD, null, null)))
			.isEmpty();
	}

	@Test
	void each_application_counts_once_per_stage_from_its_first_submission_to_its_first_check() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		Instant before = Instant.now();
		ProcessingTimes times = findProcessingTimes(s.actionFund(), s.partnership());
		Instant after = Instant.now();

		// A: first submitted on 1 March, returned on 15 March (14 days), resubmitted
		// and accepted on 27 March, not decided yet; B was withdrawn unchecked
		Stage check = new Stage(new BigDecimal("14.0"), new BigDecimal("14.0"), 1, 0, 0);
		long readySince = times.stages().readyToDecision().oldestWaitingDays();
		assertThat(readySince).isBetween(days(A_ACCEPTED, before), days(A_ACCEPTED, after));
		long submittedSince = times.stages().submissionToDecision().oldestWaitingDays();
		assertThat(submittedSince).isBetween(days(A_SUBMITTED_1, before), days(A_SUBMITTED_1, after));
		assertThat(times).isEqualTo(new ProcessingTimes(s.actionFund(), null, null, 21,
				new Stages(check, new Stage(null, null, 0, 1, readySince), new Stage(null, null, 0, 1, submittedSince)),
				null, 0, 0, 1, new BigDecimal("14.0")));
		assertThat(this.jdbc.queryForList("SELECT outcome FROM formal_check WHERE application_id = ? ORDER BY version",
				String.class, s.a().value()))
			.containsExactly("RETURNED", "ACCEPTED");
		// the period counts a stage by the day it ended (Europe/Berlin)
		assertThat(findProcessingTimes(s.actionFund(), s.partnership(), LocalDate.of(2019, 3, 16), null).stages()
			.submissionToCheck()
			.count()).isZero();
		assertThat(findProcessingTimes(s.actionFund(), s.partnership(), LocalDate.of(2019, 3, 15),
				LocalDate.of(2019, 3, 15))
			.stages()
			.submissionToCheck()
			.count()).isOne();
	}

	@Test
	void an_application_still_waiting_for_its_check_is_the_backlog_and_a_rejection_at_the_check_ends_two_stages() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		Instant before = Instant.now();
		ProcessingTimes times = findProcessingTimes(s.youthFund(), s.partnership());
		Instant after = Instant.now();

		// C waits since its submission on 1 April 2019; D was rejected 3
		// days after its submission: its check and its decision
		long waited = times.oldestWaitingDays();
		assertThat(waited).isPositive().isBetween(days(C_SUBMITTED, before), days(C_SUBMITTED, after));
		Stage three = new Stage(new BigDecimal("3.0"), new BigDecimal("3.0"), 1, 1, waited);
		assertThat(times).isEqualTo(new ProcessingTimes(s.youthFund(), null, null, 21,
				new Stages(three, new Stage(null, null, 0, 0, 0), three), null, 1, waited, 1, new BigDecimal("3.0")));
		// over both funds: the median of 14 and 3 days is 8.5
		ProcessingTimes all = findProcessingTimes(null, s.partnership());
		assertThat(all.stages().submissionToCheck())
			.isEqualTo(new Stage(new BigDecimal("8.5"), new BigDecimal("8.5"), 2, 1, waited));
		assertThat(all.stages().submissionToDecision().backlog()).isEqualTo(2);
	}

	@Test
	void the_requested_money_pending_in_a_fund_counts_applications_being_checked_or_decided_only() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();

		// A (ready for decision) with its resubmitted 3800.00; not B (withdrawn)
		assertThat(findFund(s.actionFund(), s.partnership())).contains(new FundBudget(s.actionFund(), s.partnership(),
				FundType.ACTION_FUND, 2019, DecisionBodyType.STEERING_BOARD, Money.euros("35000.00"), Money.ZERO,
				Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.euros("35000.00"), Money.euros("3800.00"),
				Money.euros("5000.00"), Money.euros("500.00"), FundStatus.OPEN, null, 6, 6));
		// C (submitted) with its 1200.00; not D (rejected)
		assertThat(findFund(s.youthFund(), s.partnership())).contains(new FundBudget(s.youthFund(), s.partnership(),
				FundType.YOUTH_FUND, 2019, DecisionBodyType.YOUTH_FORUM, Money.euros("10000.00"), Money.ZERO,
				Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.euros("10000.00"), Money.euros("1200.00"),
				Money.euros("1500.00"), null, FundStatus.OPEN, null, 6, 6));
	}

	@Test
	void replaying_the_projection_twice_rebuilds_the_same_applications_without_duplicate_rows() {
		Scenario s = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();
		List<ApplicationDetail> details = details(s);
		List<ApplicationSummary> summaries = findApplications(
				new FindApplicationsQuery(s.partnership(), null, null, null, null));
		ProcessingTimes actionTimes = findProcessingTimes(s.actionFund(), s.partnership());
		ProcessingTimes youthTimes = findProcessingTimes(s.youthFund(), s.partnership());
		Optional<FundBudget> actionFund = findFund(s.actionFund(), s.partnership());
		Optional<FundBudget> youthFund = findFund(s.youthFund(), s.partnership());
		assertThat(details).hasSize(4);
		assertThat(summaries).hasSize(4);
		assertThat(actionFund).isPresent();
		// A 5 status changes, B 3, C 2, D 3; A 2 versions, B, C and D 1; A 2 checks, D 1
		Rows rows = new Rows(4, 13, 5, 3);
		assertThat(rows(s)).isEqualTo(rows);

		for (int replay = 1; replay <= 2; replay++) {
			StreamingEventProcessor processor = processor(APPLICATIONS);
			processor.shutDown();
			processor.resetTokens();
			// the reset handler emptied the read tables: what follows is
			// rebuilt from the events
			assertThat(rows(s)).as("rows after reset %d", replay).isEqualTo(new Rows(0, 0, 0, 0));
			assertThat(findApplication(s.a(), s.partnership())).as("A after reset %d", replay).isEmpty();
			processor.start();

			awaitCaughtUp();

			assertThat(details(s)).as("details after replay %d", replay)
				.usingRecursiveFieldByFieldElementComparatorIgnoringFields("daysInStatus")
				.containsExactlyElementsOf(details);
			assertThat(findApplications(new FindApplicationsQuery(s.partnership(), null, null, null, null)))
				.as("summaries after replay %d", replay)
				.usingRecursiveFieldByFieldElementComparatorIgnoringFields("daysInStatus")
				.containsExactlyElementsOf(summaries);
			assertThat(findProcessingTimes(s.actionFund(), s.partnership()))
				.as("action fund times after replay %d", replay)
				.isEqualTo(actionTimes);
			assertThat(findProcessingTimes(s.youthFund(), s.partnership()))
				.as("youth fund times after replay %d", replay)
				.usingRecursiveComparison()
				.ignoringFields("oldestWaitingDays")
				.isEqualTo(youthTimes);
			assertThat(findFund(s.actionFund(), s.partnership())).as("action fund after replay %d", replay)
				.isEqualTo(actionFund);
			assertThat(findFund(s.youthFund(), s.partnership())).as("youth fund after replay %d", replay)
				.isEqualTo(youthFund);
			assertThat(rows(s)).as("rows after replay %d", replay).isEqualTo(rows);
		}

		// the next events end the replay: the processor is live again and projects them
		Scenario next = appendScenario(this.eventStore, this.transactionManager);
		awaitCaughtUp();
		assertThat(processor(APPLICATIONS).processingStatus().values()).isNotEmpty()
			.allSatisfy(segment -> assertThat(segment.isReplaying()).as("replaying").isFalse());
		assertThat(rows(next)).isEqualTo(rows);
		assertThat(findApplication(next.a(), next.partnership())).get()
			.usingRecursiveComparison()
			.ignoringFields("id", "partnershipId", "fundId", "daysInStatus")
			.isEqualTo(details.get(0));
		assertThat(details(s)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("daysInStatus")
			.containsExactlyElementsOf(details);
		assertThat(rows(s)).isEqualTo(rows);
	}

	/**
	 * Waits until every segment of both processors has handled everything now in the
	 * event store (after a reset: has replayed everything up to the reset point) and
	 * parked no event as a dead letter.
	 */
	private void awaitCaughtUp() {
		long head = this.eventStore.createHeadToken().position().orElseThrow();
		for (String name : List.of(FUND_BUDGET, APPLICATIONS)) {
			await().atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
				// the processor makes its segments' tokens when it first starts
				int segments = this.transactionManager
					.fetchInTransaction(() -> this.tokenStore.fetchSegments(name).length);
				assertThat(segments).as("segments of %s", name).isPositive();
				Map<Integer, EventTrackerStatus> status = processor(name).processingStatus();
				assertThat(status).as("claimed segments of %s", name).hasSize(segments);
				assertThat(status.values()).allSatisfy(segment -> {
					assertThat(segment.isErrorState()).as("error in %s", name).isFalse();
					if (segment.isReplaying()) {
						// Axon ends a replay only with the first event after the
						// reset point; until one arrives it is done once it has
						// handled the reset point
						assertThat(segment.getCurrentPosition().orElse(-1)).as("%s replayed up to", name)
							.isGreaterThanOrEqualTo(segment.getResetPosition().orElseThrow());
					}
					assertThat(segment.isCaughtUp()).as("%s caught up", name).isTrue();
					assertThat(segment.getCurrentPosition().orElse(-1)).as("position of %s", name)
						.isGreaterThanOrEqualTo(head);
				});
			});
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
					Integer.class, name))
				.as("dead letters of %s", name)
				.isZero();
		}
	}

	private StreamingEventProcessor processor(String name) {
		return this.processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
	}

	private Optional<ApplicationDetail> findApplication(ApplicationId id, PartnershipId partnership) {
		return this.queries
			.query(new FindApplicationQuery(id, partnership), ResponseTypes.optionalInstanceOf(ApplicationDetail.class))
			.join();
	}

	private List<ApplicationDetail> details(Scenario s) {
		return s.applications()
			.stream()
			.map(id -> findApplication(id, s.partnership()))
			.flatMap(Optional::stream)
			.toList();
	}

	private List<ApplicationSummary> findApplications(FindApplicationsQuery query) {
		return this.queries.query(query, ResponseTypes.multipleInstancesOf(ApplicationSummary.class)).join();
	}

	private List<ApplicationId> ids(FindApplicationsQuery query) {
		return findApplications(query).stream().map(ApplicationSummary::id).toList();
	}

	private ProcessingTimes findProcessingTimes(FundId fund, PartnershipId partnership, LocalDate from, LocalDate to) {
		return this.queries
			.query(new FindProcessingTimesQuery(fund, partnership, from, to, 21),
					ResponseTypes.instanceOf(ProcessingTimes.class))
			.join();
	}

	private ProcessingTimes findProcessingTimes(FundId fund, PartnershipId partnership) {
		return this.queries
			.query(new FindProcessingTimesQuery(fund, partnership), ResponseTypes.instanceOf(ProcessingTimes.class))
			.join();
	}

	private Optional<FundBudget> findFund(FundId fund, PartnershipId partnership) {
		return this.queries
			.query(new FindFundQuery(fund, partnership, null), ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join();
	}

	/** The read rows of the scenario's four applications. */
	private Rows rows(Scenario s) {
		Object[] ids = s.applications().stream().map(ApplicationId::value).toArray();
		return new Rows(count("application_view", ids), count("application_history", ids),
				count("application_version", ids), count("formal_check", ids));
	}

	private int count(String table, Object[] ids) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE application_id IN (?, ?, ?, ?)",
				Integer.class, ids);
	}

	/** Whole days from an instant to another, as the queries count them. */
	private static long days(Instant from, Instant to) {
		return Duration.between(from, to).toDays();
	}

	private record Rows(int views, int history, int versions, int checks) {
	}

	/**
	 * An application's detail without its days in status, which depend on the day the
	 * test runs and are checked on their own, and without the grant that only a decision
	 * adds (none of these applications was decided).
	 */
	private record ReadDetail(ApplicationId id, PartnershipId partnershipId, FundId fundId,
			DecisionBodyType decisionBody, String owner, ApplicationStatus status, int version, Instant createdAt,
			Instant submittedAt, Instant statusSince, ApplicationContent content, Money totalCosts, Money totalIncome,
			BigDecimal coFinancingPercent, List<StatusChange> history, List<SubmittedVersion> versions) {

		static ReadDetail of(ApplicationDetail d) {
			return new ReadDetail(d.id(), d.partnershipId(), d.fundId(), d.decisionBody(), d.owner(), d.status(),
					d.version(), d.createdAt(), d.submittedAt(), d.statusSince(), d.content(), d.totalCosts(),
					d.totalIncome(), d.coFinancingPercent(), d.history(), d.versions());
		}

	}

}
