package de.pfd.grants.server.faults;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Applications;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Funds;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * Two server nodes (processes of their own) on one PostgreSQL database; node A is killed
 * (SIGKILL) while four clients approve 14 applications of 400.00 on the fast track
 * through both nodes, against the action fund cut to 5,000.00 (one more is approved by a
 * circular vote due after the kill), and while A runs the deadline of a circular vote of
 * the youth fund (its append is held up by a row the test keeps locked). Node B finishes
 * A's work: no fund ever commits more than its budget, every approval gets its money or
 * its place on the waiting list exactly once, B takes over every processor segment and
 * its read models agree with the events, and both deadlines fire once on B (the one A was
 * running once B sees A's heartbeat stop, and the one due after the kill).
 */
class TwoNodesOneKilledTest {

	static final String FUND = "kreis-mettmann-action-fund-2019";

	/** The fund of the deadline A is running: its lock on A is held meanwhile. */
	static final String YOUTH_FUND = "kreis-mettmann-youth-fund-2019";

	static final int YEAR = 2019;

	/** The demo fund's 35,000.00, cut so that 15 approvals of 400.00 do not all fit. */
	static final BigDecimal BUDGET = new BigDecimal("5000.00");

	static final BigDecimal AMOUNT = new BigDecimal("400.00");

	static final int APPLICATIONS = 14;

	static final int CLIENTS = 4;

	/** Node A is killed once this many approvals have been answered. */
	static final int KILL_AFTER = 5;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void the_survivor_finishes_the_killed_nodes_approvals_and_deadlines_and_the_fund_holds() throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		JdbcTemplate jdbc = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.user(), database.password()));
		List<ServerProcess> nodes = new ArrayList<>();
		try {
			ServerProcess a = ServerProcess.start(database, "two-nodes-a", "--db-scheduler.scheduler-name=node-a");
			nodes.add(a);
			a.awaitUp();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(owners(jdbc)).containsOnly(a.pid()));
			ok(a.api().post("staff", Api.budgetAdjustments(FUND), "{\"amount\":-30000.00,\"reason\":\"Kürzung\"}"));

			// a circular vote whose deadline A is running when it is killed; while it
			// is due, half of the applications are prepared through A
			String running = new Applications(a.api()).ready("applicant1",
					Drafts.youthConfirmed(Drafts.small(YOUTH_FUND, YEAR)));
			Instant runningClosesAt = openCircular(a.api(), running, Instant.now().plusSeconds(10), "youth");
			String runningTask = jdbc.queryForObject("SELECT task_instance FROM scheduled_tasks", String.class);
			HeldAppend held = HeldAppend.next(database, jdbc, running);
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			try {
				assertThat(Instant.now()).as("the append is held before the deadline").isBefore(runningClosesAt);
				List<String> viaA = prepare(clients, a, APPLICATIONS / 2);
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(jdbc.queryForList(
							"SELECT picked_by FROM scheduled_tasks WHERE task_instance = ? AND picked", String.class,
							runningTask))
						.containsExactly("node-a"));

				ServerProcess b = ServerProcess.start(database, "two-nodes-b", "--db-scheduler.scheduler-name=node-b");
				nodes.add(b);
				b.awaitUp();
				assertThat(owners(jdbc)).as("B takes nothing while A lives").containsOnly(a.pid());
				List<String> viaB = prepare(clients, b, APPLICATIONS / 2);
				// even ones prepared through A, odd ones through B
				List<String> ready = new ArrayList<>();
				for (int i = 0; i < APPLICATIONS / 2; i++) {
					ready.add(viaA.get(i));
					ready.add(viaB.get(i));
				}
				// a circular vote due shortly after the kill, on an application of an
				// organisation no board member represents (board1 to board4 vote)
				String due = new Applications(b.api()).ready("applicant3", Drafts.small(FUND, YEAR));
				Instant dueClosesAt = openCircular(a.api(), due, Instant.now().plusSeconds(12), "board");

				// four clients approve them, each through the node it was prepared on
				Map<String, Integer> answers = new ConcurrentHashMap<>();
				AtomicInteger acknowledged = new AtomicInteger();
				Queue<String> queue = new ConcurrentLinkedQueue<>(ready);
				List<Future<?>> approving = new ArrayList<>();
				for (int c = 0; c < CLIENTS; c++) {
					approving.add(clients.submit(() -> {
						for (String id = queue.poll(); id != null; id = queue.poll()) {
							approve(ready.indexOf(id) % 2 == 0 ? a : b, b, id, answers, acknowledged);
						}
						return null;
					}));
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= KILL_AFTER);
				int beforeKill = acknowledged.get();
				a.kill();
				Instant killedAt = Instant.now();
				assertThat(killedAt).as("A is killed before the second deadline").isBefore(dueClosesAt);
				held.release();
				for (Future<?> client : approving) {
					client.get(2, TimeUnit.MINUTES);
				}
				System.out.printf("[two nodes] %d approvals answered 200 before the kill; all answers: %s%n",
						beforeKill, answers);

				List<String> all = new ArrayList<>(ready);
				all.add(running);
				all.add(due);
				survivorFinishes(jdbc, b, killedAt, all, List.of(running, due));
			}
			finally {
				held.release();
				clients.shutdownNow();
			}
		}
		finally {
			for (ServerProcess node : nodes) {
				node.kill();
			}
		}
	}

	/**
	 * B takes over every segment, every approval is decided once and answered by the fund
	 * once within the budget, the deadlines fire once after the kill, and B's read models
	 * agree with the events.
	 */
	private static void survivorFinishes(JdbcTemplate jdbc, ServerProcess b, Instant killedAt, List<String> all,
			List<String> deadlines) throws InterruptedException {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(owners(jdbc)).containsOnly(b.pid()));
		Duration takeover = Duration.between(killedAt, Instant.now());
		int segments = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry", Integer.class);
		System.out.printf("[two nodes] B owned all %d segments %d ms after the kill%n", segments, takeover.toMillis());

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Ledger ledger = Ledger.of(jdbc);
			for (String id : all) {
				assertThat(ledger.decisions(id)).as("decisions of " + id).isNotEmpty();
				assertThat(ledger.heard(id)).as("the fund's answer, as " + id + " heard it").isPositive();
			}
		});
		Duration finished = Duration.between(killedAt, Instant.now());
		Ledger ledger = Ledger.of(jdbc);
		for (String id : all) {
			assertThat(ledger.decisions(id)).as("decisions of " + id).containsExactly("APPROVED");
			assertThat(ledger.fundAnswers(id)).as("reservations and places on the list of " + id).isEqualTo(1);
			assertThat(ledger.heard(id)).as("answers heard by " + id).isEqualTo(1);
		}
		int fits = BUDGET.divideToIntegralValue(AMOUNT).intValue();
		assertThat(ledger.reservations(FUND)).as("reservations").isEqualTo(fits);
		assertThat(ledger.waiting(FUND)).as("on the waiting list").isEqualTo(all.size() - 1 - fits);
		assertThat(ledger.reservations(YOUTH_FUND)).isEqualTo(1);
		assertThat(ledger.book(FUND).budget).isEqualByComparingTo(BUDGET);
		for (String fund : List.of(FUND, YOUTH_FUND)) {
			assertThat(ledger.book(fund).worstExcess).as("most %s ever committed beyond its budget", fund)
				.isLessThanOrEqualTo(BigDecimal.ZERO);
		}
		for (String id : deadlines) {
			assertThat(ledger.decidedAt(id)).as("decision at the deadline of " + id).isAfter(killedAt);
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isZero();

		Api api = b.api();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String fund : List.of(FUND, YOUTH_FUND)) {
				JsonNode figures = new Funds(api).get("staff", fund);
				FundBook book = ledger.book(fund);
				assertThat(figures.get("budget").decimalValue()).as(fund).isEqualByComparingTo(book.budget);
				assertThat(figures.get("reserved").decimalValue()).as(fund).isEqualByComparingTo(book.reserved);
				assertThat(figures.get("available").decimalValue()).as(fund)
					.isEqualByComparingTo(book.budget.subtract(book.reserved).subtract(book.lapsed));
			}
			for (String id : all) {
				JsonNode application = ok(api.get("staff", Api.application(id)));
				JsonNode grant = application.get("grant");
				if (ledger.isReserved(id)) {
					assertThat(application.get("status").asText()).as(id).isEqualTo("APPROVED");
					assertThat(grant.get("fundsReserved").asBoolean()).as(id).isTrue();
				}
				else {
					assertThat(application.get("status").asText()).as(id).isEqualTo("WAITLISTED");
					assertThat(grant.get("waitlistPosition").isNumber()).as(id).isTrue();
				}
			}
		});

		// nothing fires twice a while later
		Thread.sleep(3000);
		Ledger later = Ledger.of(jdbc);
		for (String id : all) {
			assertThat(later.decisions(id)).as(id).hasSize(1);
			assertThat(later.fundAnswers(id)).as(id).isEqualTo(1);
		}
		System.out.printf(
				"[two nodes] every approval answered, both deadlines fired %d ms after the kill; %d reserved, %d waiting%n",
				finished.toMillis(), ledger.reservations(FUND), ledger.waiting(FUND));
	}

	/**
	 * Approves the application on the fast track through the node; when the node is gone,
	 * the client asks the survivor.
	 */
	private static void approve(ServerProcess node, ServerProcess survivor, String id, Map<String, Integer> answers,
			AtomicInteger acknowledged) {
		ServerProcess target = node;
		while (true) {
			Api.Response response;
			try {
				response = target.api()
					.post("staff", Api.fastTrack(id), "{\"outcome\":\"APPROVED\",\"approvedAmount\":" + AMOUNT + "}");
			}
			catch (AssertionError connectionLost) {
				assertThat(target).as("only A goes away").isNotSameAs(survivor);
				answers.merge("no answer from A", 1, Integer::sum);
				target = survivor;
				continue;
			}
			String answer = (target == survivor ? "B " : "A ") + response.status()
					+ (response.isProblem() ? " " + response.json().get("code").asText() : "");
			answers.merge(answer, 1, Integer::sum);
			if (response.status() == 200) {
				acknowledged.incrementAndGet();
			}
			// 503: stored, not yet shown; 409 after a lost answer: A decided it
			String outcome = response.status()
					+ (response.isProblem() ? " " + response.json().get("code").asText() : "");
			if (target == node) {
				assertThat(outcome).as(id + ": " + response.body()).isIn("200", "503 NOT_YET_VISIBLE");
			}
			else {
				assertThat(outcome).as(id + ": " + response.body())
					.isIn("200", "503 NOT_YET_VISIBLE", "409 WRONG_STATUS");
			}
			return;
		}
	}

	/** Applications ready for the decision, prepared through the node by the clients. */
	private static List<String> prepare(ExecutorService clients, ServerProcess node, int count) throws Exception {
		long started = System.nanoTime();
		Applications applications = new Applications(node.api());
		List<Future<String>> prepared = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			prepared.add(clients.submit(() -> applications.ready("applicant1", Drafts.small(FUND, YEAR))));
		}
		List<String> ready = new ArrayList<>();
		for (Future<String> application : prepared) {
			ready.add(application.get(2, TimeUnit.MINUTES));
		}
		System.out.printf("[two nodes] %d applications ready through port %d in %d ms%n", count, node.port(),
				(System.nanoTime() - started) / 1_000_000);
		return ready;
	}

	/**
	 * Opens a circular vote closing at the instant and casts a majority of the body's
	 * members (board1.., youth1..) for it.
	 */
	private static Instant openCircular(Api api, String id, Instant closesAt, String members) {
		ok(api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		Applications applications = new Applications(api);
		for (int m = 1; m <= 4; m++) {
			applications.vote(members + m, id, "YES");
		}
		return closesAt;
	}

	/** The processes that own the processors' segments (Axon's owner is pid@host). */
	private static List<Long> owners(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT owner FROM token_entry", String.class)
			.stream()
			.map(owner -> owner == null ? -1L : Long.parseLong(owner.substring(0, owner.indexOf('@'))))
			.toList();
	}

	/**
	 * The next event of an aggregate, inserted in a transaction that stays open: whoever
	 * appends that event waits for the row's lock until it is released (rolled back).
	 */
	private static final class HeldAppend {

		private final Connection connection;

		private HeldAppend(Connection connection) {
			this.connection = connection;
		}

		static HeldAppend next(TestDatabase.Choice database, JdbcTemplate jdbc, String aggregate) throws SQLException {
			long next = jdbc.queryForObject(
					"SELECT MAX(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?",
					Long.class, aggregate);
			Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
					                                payload, payload_type, time_stamp)
					VALUES (?, ?, 'Application', ?, '\\x7b7d'::bytea, 'held-by-the-test', ?)""")) {
				insert.setString(1, aggregate);
				insert.setLong(2, next);
				insert.setString(3, UUID.randomUUID().toString());
				insert.setString(4, Instant.now().toString());
				insert.executeUpdate();
			}
			return new HeldAppend(connection);
		}

		void release() throws SQLException {
			if (!this.connection.isClosed()) {
				this.connection.rollback();
				this.connection.close();
			}
		}

	}

	/** A fund's money, summed from its events. */
	private static final class FundBook {

		BigDecimal budget = BigDecimal.ZERO;

		/** Net of releases; paid money stays in it until refunded. */
		BigDecimal reserved = BigDecimal.ZERO;

		BigDecimal lapsed = BigDecimal.ZERO;

		/** The most reserved and lapsed ever exceeded the budget (≤ 0: never). */
		BigDecimal worstExcess;

		void check() {
			BigDecimal excess = this.reserved.add(this.lapsed).subtract(this.budget);
			this.worstExcess = this.worstExcess == null ? excess : this.worstExcess.max(excess);
		}

	}

	/** The funds' and the applications' events as stored, read without any projection. */
	private record Ledger(Map<String, FundBook> funds, Map<String, List<String>> decided,
			Map<String, Instant> decidedAt, Map<String, String> fundOf, Map<String, Integer> reservedFor,
			Map<String, Integer> waitlisted, Map<String, Integer> heardBy) {

		static Ledger of(JdbcTemplate jdbc) {
			Ledger ledger = new Ledger(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
					new HashMap<>(), new HashMap<>(), new HashMap<>());
			jdbc.query("""
					SELECT payload_type, payload, time_stamp FROM domain_event_entry
					WHERE payload_type <> 'held-by-the-test' ORDER BY global_index""", (RowCallbackHandler) rs -> ledger
				.add(rs.getString("payload_type"), json(rs.getBytes("payload")), rs.getString("time_stamp")));
			return ledger;
		}

		private void add(String type, JsonNode event, String timestamp) {
			String application = text(event, "applicationId");
			String fund = text(event, "fundId");
			FundBook book = fund == null ? null : this.funds.computeIfAbsent(fund, f -> new FundBook());
			switch (type.substring(type.lastIndexOf('.') + 1)) {
				case "FundOpened" -> book.budget = event.get("budget").decimalValue();
				case "BudgetAdjusted" -> book.budget = event.get("newBudget").decimalValue();
				case "FundsReserved" -> {
					book.reserved = book.reserved.add(event.get("amount").decimalValue());
					this.reservedFor.merge(application, 1, Integer::sum);
					this.fundOf.put(application, fund);
				}
				case "FundsReleased" -> {
					book.reserved = book.reserved.subtract(event.get("amount").decimalValue());
					book.lapsed = book.lapsed.add(event.get("lapsed").decimalValue());
				}
				case "FundClosed" -> book.lapsed = book.lapsed.add(event.get("lapsed").decimalValue());
				case "ReservationWaitlisted" -> {
					this.waitlisted.merge(application, 1, Integer::sum);
					this.fundOf.put(application, fund);
				}
				case "ApplicationDecided" -> {
					this.decided.computeIfAbsent(application, id -> new ArrayList<>())
						.add(event.get("outcome").asText());
					this.decidedAt.put(application, Instant.parse(timestamp));
				}
				case "ApprovedFundsReserved", "ApprovalWaitlisted" -> this.heardBy.merge(application, 1, Integer::sum);
				default -> {
				}
			}
			if (book != null && !type.endsWith(".ApplicationDecided")) {
				book.check();
			}
		}

		FundBook book(String fund) {
			return this.funds.getOrDefault(fund, new FundBook());
		}

		List<String> decisions(String id) {
			return this.decided.getOrDefault(id, List.of());
		}

		Instant decidedAt(String id) {
			return this.decidedAt.get(id);
		}

		boolean isReserved(String id) {
			return this.reservedFor.containsKey(id);
		}

		/** Reservations and places on the list that the fund gave the application. */
		int fundAnswers(String id) {
			return this.reservedFor.getOrDefault(id, 0) + this.waitlisted.getOrDefault(id, 0);
		}

		/** How often the application recorded the fund's answer. */
		int heard(String id) {
			return this.heardBy.getOrDefault(id, 0);
		}

		int reservations(String fund) {
			return this.reservedFor.entrySet()
				.stream()
				.filter(e -> fund.equals(this.fundOf.get(e.getKey())))
				.mapToInt(Map.Entry::getValue)
				.sum();
		}

		int waiting(String fund) {
			return (int) this.waitlisted.keySet()
				.stream()
				.filter(id -> fund.equals(this.fundOf.get(id)) && !this.reservedFor.containsKey(id))
				.count();
		}

		private static JsonNode json(byte[] payload) {
			try {
				return JSON.readTree(payload);
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
		}

		private static String text(JsonNode event, String field) {
			JsonNode value = event.get(field);
			return value == null || value.isNull() ? null : value.asText();
		}

	}

}
