package de.pfd.grants.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Funds;
import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * The database goes away under load, twice: first its server terminates every connection
 * of the service ({@code pg_terminate_backend}), then it is unreachable for eight seconds
 * (a relay between service and database is cut, as in a restart). Meanwhile clients keep
 * writing. The service answers 503 with {@code Retry-After} (never another 5xx) while the
 * database is gone, recovers by itself within seconds after it is back, and loses no
 * acknowledged write.
 */
class DatabaseGoneTest {

	private static final int CLIENTS = 6;

	private static final Duration OUTAGE = Duration.ofSeconds(8);

	private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$");

	/** A request the clients sent: when it started and how it was answered. */
	record Answer(long startedNanos, int status, String code, String retryAfter, String body) {
	}

	@Test
	void while_the_database_is_gone_the_api_answers_503_and_afterwards_recovers_by_itself() throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		assumeTrue(database.postgres(), "needs PostgreSQL (connections are terminated on the server)");
		Matcher url = HOST_PORT.matcher(database.url());
		assertThat(url.matches()).as(database.url()).isTrue();
		String applicationName = "database-gone-" + database.schema();
		JdbcTemplate admin = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.user(), database.password()));

		try (TcpProxy proxy = new TcpProxy(url.group(1), Integer.parseInt(url.group(2)));
				ConfigurableApplicationContext server = start(database, "jdbc:postgresql://127.0.0.1:" + proxy.port()
						+ url.group(3) + "&ApplicationName=" + applicationName)) {
			Api api = new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
			String fund = "kreis-mettmann-action-fund-2019";
			BigDecimal budgetBefore = new Funds(api).get("staff", fund).get("budget").decimalValue();

			List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
			Set<String> drafts = ConcurrentHashMap.newKeySet();
			AtomicInteger adjustments = new AtomicInteger();
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong restoredAt = new AtomicLong(Long.MAX_VALUE);
			AtomicLong firstWriteAfterRestore = new AtomicLong(Long.MAX_VALUE);
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> load = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				load.add(clients.submit(() -> {
					for (int n = 0; running.get(); n++) {
						String key = "gone-" + client + "-" + n;
						long started = System.nanoTime();
						Api.Response response = client % 2 == 0
								? api.post("applicant2", Api.APPLICATIONS, Drafts.small(fund, 2019), key)
								: api.post("staff", Api.budgetAdjustments(fund),
										"{\"amount\":1.00,\"reason\":\"Ausfall " + key + "\"}", key);
						answers.add(new Answer(started, response.status(),
								response.isProblem() ? response.json().path("code").asText(null) : null,
								response.retryAfter(), response.body()));
						if (response.status() / 100 == 2) {
							if (client % 2 == 0) {
								drafts.add(response.json().get("id").asText());
							}
							else {
								adjustments.incrementAndGet();
							}
							if (started > restoredAt.get()) {
								firstWriteAfterRestore.accumulateAndGet(System.nanoTime(), Math::min);
							}
						}
					}
					return null;
				}));
			}

			Thread.sleep(2000);
			Integer terminated = admin.queryForObject(
					"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
					Integer.class, applicationName);
			System.out.printf("[database gone] pg_terminate_backend ended %d connections of the service%n", terminated);
			assertThat(terminated).as("connections terminated").isPositive();
			Thread.sleep(3000);

			long cutAt = System.nanoTime();
			proxy.cut();
			Thread.sleep(1000);
			Api.Response health = api.get(null, "/actuator/health");
			Thread.sleep(OUTAGE.toMillis() - 1000);
			restoredAt.set(System.nanoTime());
			proxy.restore();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> firstWriteAfterRestore.get() != Long.MAX_VALUE);
			Thread.sleep(2000);
			running.set(false);
			for (Future<?> client : load) {
				client.get(1, TimeUnit.MINUTES);
			}
			clients.shutdown();

			List<Answer> all = new ArrayList<>(answers);
			long during = all.stream()
				.filter(a -> a.startedNanos() > cutAt && a.startedNanos() < restoredAt.get())
				.count();
			List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
			double recoverySeconds = (firstWriteAfterRestore.get() - restoredAt.get()) / 1e9;
			System.out.printf(
					"[database gone] %d requests, %d acknowledged drafts, %d budget changes, %d x 503 "
							+ "(%d sent while cut); first acknowledged write %.1f s after the database was back%n",
					all.size(), drafts.size(), adjustments.get(), unavailable.size(), during, recoverySeconds);

			assertThat(all.stream().filter(a -> a.status() >= 500 && a.status() != 503).toList()).as("no 5xx but 503")
				.isEmpty();
			assertThat(unavailable).as("503 while the database is gone").anySatisfy(a -> {
				assertThat(a.code()).isEqualTo("UNAVAILABLE");
				assertThat(a.retryAfter()).isEqualTo("5");
			});
			assertThat(health.status()).as("health while the database is gone: " + health.body()).isEqualTo(503);
			assertThat(recoverySeconds).as("recovery after the database is back").isLessThan(30);

			// nothing acknowledged is lost, and the read models catch up with the events
			JdbcTemplate events = new JdbcTemplate(
					new DriverManagerDataSource(database.url(), database.user(), database.password()));
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				for (String id : drafts) {
					assertThat(api.get("applicant2", Api.application(id)).status()).as(id).isEqualTo(200);
				}
			});
			long changes = events
				.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%BudgetAdjusted' "
						+ "AND aggregate_identifier = ?", Long.class, fund);
			assertThat(changes).isGreaterThanOrEqualTo(adjustments.get());
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(new Funds(api).get("staff", fund).get("budget").decimalValue())
					.isEqualByComparingTo(budgetBefore.add(BigDecimal.valueOf(changes))));
			assertThat(events.queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class))
				.as("nothing dead-lettered because the database was gone")
				.isZero();
			assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
		}
	}

	/** The levels above hold for the whole JVM: back to the configured ones. */
	@AfterEach
	void logLevelsBack() {
		LoggingSystem logging = LoggingSystem.get(DatabaseGoneTest.class.getClassLoader());
		for (String logger : QUIET) {
			logging.setLogLevel(logger, null);
		}
	}

	private static final List<String> QUIET = List.of("com.zaxxer.hikari", "org.springframework.jdbc",
			"org.springframework.transaction", "org.axonframework", "com.github.kagkarlsson");

	private static ConfigurableApplicationContext start(TestDatabase.Choice database, String proxiedUrl) {
		List<String> args = new ArrayList<>(List.of("--grants.test.database=false", "--spring.profiles.active=demo",
				"--spring.datasource.url=" + proxiedUrl, "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--server.port=0"));
		// the outage is deliberate: the libraries' warnings about it, each with a stack
		// trace, would only fill the test log (the assertions check the behaviour)
		QUIET.forEach(logger -> args.add("--logging.level." + logger + "=off"));
		return new SpringApplicationBuilder(GrantsServerApplication.class).run(args.toArray(String[]::new));
	}

}
