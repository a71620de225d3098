package de.pfd.grants.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.EstablishDecisionBodyCommand;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * Deadlines are stored in the database: the server that scheduled them stops before they
 * are due, they fall due while no node runs, two nodes start on the same database at
 * once, and each fires exactly once. A circular vote closes at its deadline (seconds
 * away); the proof of use of a confirmed grant is due weeks after the project ends, so
 * the weeks pass by moving that task's due time into the past while every node is down.
 */
class DeadlinesDueWhileEveryNodeIsDownTest {

	static final PartnershipId PARTNERSHIP = new PartnershipId("restart-test");

	/** No demo data: only what the test makes. */
	static final String PROFILE = "restart-test";

	@Test
	void a_circular_vote_and_a_proof_of_use_due_while_every_node_is_down_fire_once_when_two_nodes_come_back()
			throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		ApplicationId id = ApplicationId.random();
		ApplicationId granted = ApplicationId.random();
		OpenFundCommand fund = new OpenFundCommand(PARTNERSHIP, FundType.YOUTH_FUND, 2019, Money.euros("10000.00"),
				null, null);
		OpenFundCommand later = new OpenFundCommand(PARTNERSHIP, FundType.YOUTH_FUND, 2027, Money.euros("10000.00"),
				null, Money.euros("1000.00"));
		Instant closesAt;
		try (ConfigurableApplicationContext first = start(database)) {
			CommandGateway commands = first.getBean(CommandGateway.class);
			commands.sendAndWait(fund);
			DecisionBodyId forum = DecisionBodyId.of(PARTNERSHIP, DecisionBodyType.YOUTH_FORUM);
			commands.sendAndWait(
					new EstablishDecisionBodyCommand(forum, PARTNERSHIP, DecisionBodyType.YOUTH_FORUM, "Jugendforum"));
			for (int i = 1; i <= 5; i++) {
				commands.sendAndWait(
						new AddMemberCommand(forum, new Member("youth" + i, "Jugendforum " + i, "Jugendforum", true)));
			}
			// a grant whose proof of use falls due weeks after its project ends
			commands.sendAndWait(later);
			commands.sendAndWait(
					new CreateApplicationCommand(granted, PARTNERSHIP, "applicant", later.fundId(), content(2027)));
			commands.sendAndWait(new SubmitApplicationCommand(granted, "applicant"));
			commands.sendAndWait(new PerformFormalCheckCommand(granted, FormalCheckOutcome.ACCEPTED, null));
			commands.sendAndWait(new DecideOnFastTrackCommand(granted, true, Money.euros("900.00"), null, null));
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.untilAsserted(() -> commands.sendAndWait(new IssueGrantNoticeCommand(granted, "ZB-2027-1")));
			commands.sendAndWait(new ConfirmGrantNoticeCommand(granted, "applicant"));

			commands
				.sendAndWait(new CreateApplicationCommand(id, PARTNERSHIP, "applicant", fund.fundId(), content(2019)));
			commands.sendAndWait(new SubmitApplicationCommand(id, "applicant"));
			commands.sendAndWait(new PerformFormalCheckCommand(id, FormalCheckOutcome.ACCEPTED, null));
			closesAt = Instant.now().plusSeconds(8);
			commands.sendAndWait(new OpenVoteCommand(id, VoteProcedure.CIRCULAR, closesAt));
			for (int i = 1; i <= 3; i++) {
				commands.sendAndWait(new CastVoteCommand(id, "youth" + i, VoteChoice.YES));
			}
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isEqualTo(2);
			assertThat(decisions(jdbc, id)).isZero();
		}
		assertThat(Instant.now()).as("the first server stopped before the deadline").isBefore(closesAt);
		// the deadlines pass while no node runs: the vote's in seconds, the proof of
		// use's
		// (due on 11 November 2027) by moving its due time into the past
		JdbcTemplate down = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.user(), database.password()));
		assertThat(down.update("UPDATE scheduled_tasks SET execution_time = ? WHERE execution_time > ?",
				Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.parse("2027-11-01T00:00:00Z"))))
			.as("the proof-of-use deadline, due the day after 11 November 2027")
			.isEqualTo(1);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), closesAt).toMillis()) + 1000);

		// two nodes come back at once (processes of their own: two Spring contexts
		// starting together in one JVM race in their logging set-up); each deadline
		// fires once, on one of them
		try (ServerProcess second = ServerProcess.start(database, "deadlines-second",
				"--spring.profiles.active=" + PROFILE);
				ServerProcess third = ServerProcess.start(database, "deadlines-third",
						"--spring.profiles.active=" + PROFILE)) {
			second.awaitHealthy();
			third.awaitHealthy();
			JdbcTemplate jdbc = down;
			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(decisions(jdbc, id)).isEqualTo(1));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(jdbc.queryForObject(
						"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%FundsReserved'",
						Integer.class, fund.fundId().value()))
					.isEqualTo(1));
			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(overdue(jdbc, granted)).isEqualTo(1));
			// closed by the system at its deadline, not by who opened the vote
			assertThat(jdbc.queryForObject(
					"SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
							+ "AND payload_type LIKE '%ApplicationDecided'",
					String.class, id.value()))
				.contains("\"userId\":\"system\"");
			// recorded after the restart, dated at the deadline
			Instant deadline = closesAt;
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(jdbc
					.queryForObject("SELECT decided_at FROM decision_view WHERE application_id = ?", Timestamp.class,
							id.value())
					.toInstant()).isCloseTo(deadline, within(1, ChronoUnit.MILLIS)));
			// both nodes poll the deadlines every second: still once each a while later
			Thread.sleep(5000);
			assertThat(decisions(jdbc, id)).isEqualTo(1);
			assertThat(overdue(jdbc, granted)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isZero();
		}
	}

	private static int decisions(JdbcTemplate jdbc, ApplicationId id) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ApplicationDecided'",
				Integer.class, id.value());
	}

	private static int overdue(JdbcTemplate jdbc, ApplicationId id) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ProofOfUseOverdue'",
				Integer.class, id.value());
	}

	private static ConfigurableApplicationContext start(TestDatabase.Choice database) {
		return new SpringApplicationBuilder(GrantsServerApplication.class).run("--grants.test.database=false",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--server.port=0",
				"--spring.profiles.active=" + PROFILE);
	}

	private static ApplicationContent content(int year) {
		return new ApplicationContent("Jugendcafé", "Treffpunkt", null, ActionField.DIVERSITY, List.of(), 30,
				LocalDate.of(year, 5, 1), LocalDate.of(year, 9, 30),
				new Applicant("Jugendgruppe", LegalForm.INFORMAL_YOUTH_GROUP, "Max", "max@example.org", "Erkrath",
						null),
				List.of(new CostItem(CostCategory.MATERIAL, "Material", Money.euros("900.00"))), List.of(),
				Money.euros("900.00"));
	}

}
