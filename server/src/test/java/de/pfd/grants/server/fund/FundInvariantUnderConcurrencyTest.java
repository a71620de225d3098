package de.pfd.grants.server.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import de.pfd.grants.persistence.ConcurrencyRetryScheduler;
import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The central invariant (docs/domain.md): a fund never commits more than its budget,
 * whatever the concurrency, on one node or many. Two complete server nodes share one
 * database (as in production without Axon Server); 16 threads fire 208 reservations of
 * 100.00 at a fund of 10,000.00 through both nodes at once.
 */
@SpringBootTest
class FundInvariantUnderConcurrencyTest {

	static final int THREADS = 16;

	static final int COMMANDS_PER_THREAD = 13;

	@Autowired
	CommandGateway node1;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventStore eventStore;

	@Autowired
	ProjectionSync projections;

	@Autowired
	ConcurrencyRetryScheduler retryScheduler;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password:}")
	String password;

	@Test
	void reservations_racing_on_two_nodes_never_commit_more_than_the_budget() throws Exception {
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			CommandGateway node2 = secondNode.getBean(CommandGateway.class);
			PartnershipId partnership = new PartnershipId("race-" + UUID.randomUUID().toString().substring(0, 8));
			OpenFundCommand open = new OpenFundCommand(partnership, FundType.ACTION_FUND, 2019, Money.euros("10000.00"),
					null, null);
			this.node1.sendAndWait(open);

			Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
			AtomicInteger viaNode2 = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
						CommandGateway gateway = (thread + i) % 2 == 0 ? this.node1 : node2;
						if (gateway == node2) {
							viaNode2.incrementAndGet();
						}
						String outcome = reserve(gateway,
								new ReserveFundsCommand(open.fundId(), ApplicationId.random(), Money.euros("100.00")));
						outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(5, TimeUnit.MINUTES);
			}
			pool.shutdown();

			int total = THREADS * COMMANDS_PER_THREAD;
			System.out.printf("[race] outcomes %s, %d via node 2, retries after lost races: node 1 %d, node 2 %d%n",
					outcomes, viaNode2.get(), this.retryScheduler.retries(),
					secondNode.getBean(ConcurrencyRetryScheduler.class).retries());
			assertThat(total).isGreaterThanOrEqualTo(200);
			assertThat(viaNode2.get()).isGreaterThan(total / 3);
			// exactly the commands that fit succeeded; every other one was refused
			// for lack of money
			assertThat(outcomes.keySet()).containsOnly("OK", "BUDGET_EXHAUSTED");
			assertThat(outcomes.get("OK").get()).isEqualTo(100);
			assertThat(outcomes.get("BUDGET_EXHAUSTED").get()).isEqualTo(total - 100);

			Ledger fromEvents = recompute(open);
			assertThat(fromEvents.reserved).isEqualTo(Money.euros("10000.00"));
			assertThat(fromEvents.reservations).isEqualTo(100);
			assertThat(fromEvents.reserved.isGreaterThan(fromEvents.budget)).isFalse();

			this.projections.awaitProjections();
			FundBudget projected = this.queries
				.query(new FindFundQuery(open.fundId(), partnership, null),
						ResponseTypes.optionalInstanceOf(FundBudget.class))
				.join()
				.orElseThrow();
			assertThat(projected.budget()).isEqualTo(fromEvents.budget);
			assertThat(projected.reserved()).isEqualTo(fromEvents.reserved);
			assertThat(projected.available()).isEqualTo(fromEvents.budget.minus(fromEvents.reserved));
			assertThat(projected.available()).isEqualTo(Money.ZERO);
		}
	}

	private static String reserve(CommandGateway gateway, ReserveFundsCommand command) throws InterruptedException {
		try {
			gateway.send(command).get(60, TimeUnit.SECONDS);
			return "OK";
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof CommandExecutionException refused
					&& refused.getDetails().orElse(null) instanceof RuleViolation violation) {
				return violation.code().name();
			}
			return "FAILED: " + ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return "TIMEOUT";
		}
	}

	/**
	 * The figures straight from the events (from the first one, not a snapshot), without
	 * any projection.
	 */
	private Ledger recompute(OpenFundCommand open) {
		Ledger ledger = new Ledger();
		this.eventStore.readEvents(open.fundId().value(), 0)
			.asStream()
			.map(DomainEventMessage::getPayload)
			.forEach(e -> {
				if (e instanceof FundOpened opened) {
					ledger.budget = opened.budget();
				}
				else if (e instanceof BudgetAdjusted adjusted) {
					ledger.budget = adjusted.newBudget();
				}
				else if (e instanceof FundsReserved reserved) {
					ledger.reserved = ledger.reserved.plus(reserved.amount());
					ledger.reservations++;
				}
			});
		return ledger;
	}

	private ConfigurableApplicationContext startSecondNode() {
		// command-line arguments outrank the profile's own datasource; "second-node"
		// has no demo data
		return new SpringApplicationBuilder(GrantsServerApplication.class).run("--grants.test.database=false",
				"--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
				"--spring.datasource.password=" + this.password, "--server.port=0",
				"--spring.profiles.active=second-node");
	}

	private static final class Ledger {

		Money budget = Money.ZERO;

		Money reserved = Money.ZERO;

		int reservations;

	}

}
