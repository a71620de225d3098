package de.pfd.grants.server.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.pfd.grants.server.Api;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * 40 applications of 1,000.00 EUR are approved at once against an action fund of
 * 35,000.00 EUR: exactly 35 get their money, 5 wait, nothing is left, and every closing
 * request is answered without error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalsUnderConcurrencyTest {

	static final PartnershipId KREIS_METTMANN = new PartnershipId("kreis-mettmann");

	static final int YEAR = 2095;

	static final int APPLICATIONS = 40;

	@LocalServerPort
	int port;

	@Autowired
	CommandGateway commands;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventStore eventStore;

	@Test
	void forty_approvals_of_1000_against_35000_reserve_exactly_35_and_put_5_on_the_waiting_list() throws Exception {
		OpenFundCommand fund = new OpenFundCommand(KREIS_METTMANN, FundType.ACTION_FUND, YEAR, Money.euros("35000.00"),
				Money.euros("5000.00"), Money.euros("500.00"));
		this.commands.sendAndWait(fund);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < APPLICATIONS; i++) {
			ApplicationId id = ApplicationId.random();
			ids.add(id.value());
			this.commands
				.sendAndWait(new CreateApplicationCommand(id, KREIS_METTMANN, "applicant1", fund.fundId(), content(i)));
			this.commands.sendAndWait(new SubmitApplicationCommand(id, "applicant1"));
			this.commands.sendAndWait(new PerformFormalCheckCommand(id, FormalCheckOutcome.ACCEPTED, null));
			this.commands.sendAndWait(new OpenVoteCommand(id, VoteProcedure.MEETING, null));
			for (int m = 1; m <= 4; m++) {
				this.commands.sendAndWait(new CastVoteCommand(id, "board" + m, VoteChoice.YES));
			}
		}

		Api api = new Api(this.port);
		ExecutorService clients = Executors.newFixedThreadPool(16);
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		List<Future<?>> futures = new ArrayList<>();
		for (String id : ids) {
			futures.add(clients.submit(() -> {
				Api.Response closed = api.post("staff", "/api/applications/" + id + "/voting/closure", null);
				statuses.computeIfAbsent(closed.status(), s -> new AtomicInteger()).incrementAndGet();
			}));
		}
		for (Future<?> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		clients.shutdown();

		assertThat(statuses.keySet()).as("no error reaches a client").containsOnly(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(count(fund, "APPROVED", true)).isEqualTo(35);
			assertThat(count(fund, "WAITLISTED", false)).isEqualTo(5);
		});
		var figures = api.get("staff", "/api/funds/" + fund.fundId().value()).json();
		assertThat(figures.get("reserved").decimalValue()).isEqualByComparingTo("35000.00");
		assertThat(figures.get("available").decimalValue()).isEqualByComparingTo("0.00");
		// the positions shown are the fund's order: first waitlisted, first in line
		List<String> fundsOrder = this.eventStore.readEvents(fund.fundId().value())
			.asStream()
			.map(DomainEventMessage::getPayload)
			.filter(ReservationWaitlisted.class::isInstance)
			.map(e -> ((ReservationWaitlisted) e).applicationId().value())
			.toList();
		assertThat(fundsOrder).hasSize(5);
		List<Integer> positions = fundsOrder.stream()
			.map(id -> api.get("staff", "/api/applications/" + id).json().get("grant").get("waitlistPosition").asInt())
			.toList();
		assertThat(positions).containsExactly(1, 2, 3, 4, 5);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%FundsReserved'",
				Integer.class, fund.fundId().value()))
			.isEqualTo(35);
	}

	private int count(OpenFundCommand fund, String status, boolean reserved) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM application_view WHERE fund_id = ? AND status = ? AND funds_reserved = ?",
				Integer.class, fund.fundId().value(), status, reserved);
	}

	private static ApplicationContent content(int i) {
		return new ApplicationContent("Projekt " + i, "Kurzbeschreibung", null, ActionField.DEMOCRACY_PROMOTION,
				List.of(TargetGroup.YOUTH), 20, LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 9, 30),
				new Applicant("Verein " + i, LegalForm.REGISTERED_ASSOCIATION, "Kontakt", "kontakt@example.org",
						"Straße 1", null),
				List.of(new CostItem(CostCategory.FEES, "Honorare", Money.euros("1000.00"))), List.of(),
				Money.euros("1000.00"));
	}

}
