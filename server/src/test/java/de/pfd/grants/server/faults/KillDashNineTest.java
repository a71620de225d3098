package de.pfd.grants.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
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

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Funds;
import de.pfd.grants.server.Grants;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.testsupport.TestDatabase;

/**
 * A server process is killed (SIGKILL) while eight clients write: drafts, budget changes,
 * payout requests and payouts. After a restart every write that was acknowledged with a
 * 2xx is there, no write is half-applied (every payout the application recorded was
 * booked by its fund, and only those), and the read models agree with the events.
 */
class KillDashNineTest {

	private static final int CLIENTS = 8;

	private static final int GRANTS = 4;

	private static final Duration STORM = Duration.ofSeconds(4);

	@Test
	void acknowledged_writes_survive_a_kill_and_nothing_is_half_applied() throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		ServerProcess server = ServerProcess.start(database, "kill-dash-nine-first");
		Api api = server.api();
		List<String> grants = new ArrayList<>();
		String fund;
		try {
			server.awaitUp();
			int year = 2019;
			fund = "kreis-mettmann-action-fund-" + year;
			// about lost writes, not four eyes: a recorded payout is booked at once
			Api.ok(api.put("staff", "/api/partnership/settings",
					"{\"fourEyesPayouts\":false,\"processingTimeTargetDays\":21}"));
			LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
			Grants builder = new Grants(api);
			for (int i = 0; i < GRANTS; i++) {
				grants.add(builder.confirmed("applicant1", Drafts.small(fund, year), "400.00", "ZB-" + i));
			}

			Set<String> drafts = ConcurrentHashMap.newKeySet();
			AtomicInteger adjustments = new AtomicInteger();
			Set<String> payouts = ConcurrentHashMap.newKeySet();
			AtomicBoolean storming = new AtomicBoolean(true);
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				running.add(clients.submit(() -> {
					for (int n = 0; storming.get(); n++) {
						String key = "c" + client + "-" + n;
						try {
							switch (client % 3) {
								case 0 -> {
									Api.Response r = api.post("applicant2", "/api/applications",
											Drafts.small(fund, year), key);
									if (r.status() == 201) {
										drafts.add(r.json().get("id").asText());
									}
								}
								case 1 -> {
									if (api
										.post("staff", Api.budgetAdjustments(fund),
												"{\"amount\":1.00,\"reason\":\"Sturm " + key + "\"}", key)
										.status() == 200) {
										adjustments.incrementAndGet();
									}
								}
								default -> {
									String grant = grants.get(n % GRANTS);
									if (api.post("applicant1", Api.payoutRequests(grant), "{\"amount\":1.00}", key)
										.status() == 200
											&& api
												.post("staff", Api.payouts(grant), Grants.payout("1.00", today, key),
														key)
												.status() == 200) {
										payouts.add(grant + "/" + key);
									}
								}
							}
						}
						catch (AssertionError connectionLost) {
							// the server is gone: this write was not acknowledged
						}
					}
					return null;
				}));
			}
			Thread.sleep(STORM.toMillis());
			server.kill();
			storming.set(false);
			for (Future<?> client : running) {
				client.get(1, TimeUnit.MINUTES);
			}
			clients.shutdown();
			System.out.printf("[kill -9] acknowledged before the kill: %d drafts, %d budget changes, %d payouts%n",
					drafts.size(), adjustments.get(), payouts.size());
			assertThat(drafts.size() + adjustments.get() + payouts.size()).as("writes before the kill").isPositive();

			server = ServerProcess.start(database, server.port(), "kill-dash-nine-second").awaitUp();
			JdbcTemplate events = new JdbcTemplate(
					new DriverManagerDataSource(database.url(), database.user(), database.password()));

			// every acknowledged write is there, and shows
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				for (String id : drafts) {
					assertThat(api.get("applicant2", Api.application(id)).status()).as(id).isEqualTo(200);
				}
			});
			long booked = count(events, "%PayoutBooked", fund);
			long recorded = events.queryForObject(
					"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PayoutRecorded'", Long.class);
			assertThat(recorded).as("payouts recorded = payouts booked by the fund").isEqualTo(booked);
			assertThat(recorded).isGreaterThanOrEqualTo(payouts.size());
			long changes = count(events, "%BudgetAdjusted", fund);
			assertThat(changes).isGreaterThanOrEqualTo(adjustments.get());

			// the read models agree with the events
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode figures = new Funds(api).get("staff", fund);
				assertThat(figures.get("budget").decimalValue())
					.isEqualByComparingTo(new BigDecimal("35000.00").add(BigDecimal.valueOf(changes)));
				assertThat(figures.get("paid").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(booked));
			});
		}
		finally {
			server.kill();
		}
	}

	private static long count(JdbcTemplate events, String type, String aggregate) {
		return events.queryForObject(
				"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ? AND aggregate_identifier = ?",
				Long.class, type, aggregate);
	}

}
