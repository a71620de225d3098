package de.pfd.grants.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import de.pfd.grants.testsupport.TestDatabase;

/**
 * Eight "nodes" (threads with connections of their own) claim the same 40 due mails at
 * once, each in its own order: every mail is claimed exactly once, on PostgreSQL and on
 * the embedded default's H2. No Spring context: the outbox table on its own.
 */
class OutboxClaimTest {

	private static final int NODES = 8;

	private static final int MAILS = 40;

	@Test
	void on_postgresql_each_due_mail_is_claimed_by_exactly_one_node() throws Exception {
		TestDatabase.Choice database = TestDatabase.choose();
		everyMailClaimedOnce(database.url(), database.user(), database.password());
	}

	@Test
	void on_h2_each_due_mail_is_claimed_by_exactly_one_node() throws Exception {
		everyMailClaimedOnce(
				"jdbc:h2:mem:claims-" + System.nanoTime()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
	}

	private void everyMailClaimedOnce(String url, String user, String password) throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(NODES + 1);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			new ResourceDatabasePopulator(new ClassPathResource("db/migration/V9__mail_outbox.sql"))
				.execute(dataSource);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			OutboxStore store = new OutboxStore(jdbc);
			Instant queued = Instant.now().minusSeconds(1);
			for (int i = 0; i < MAILS; i++) {
				jdbc.update("""
						INSERT INTO mail_outbox (partnership_id, recipient, subject, body, created_at, next_attempt_at)
						VALUES ('p', 'a@example.org', ?, 'b', ?, ?)""", "mail " + i,
						queued.atOffset(java.time.ZoneOffset.UTC), queued.atOffset(java.time.ZoneOffset.UTC));
			}
			List<Long> ids = store.due(Instant.now(), MAILS).stream().map(OutboxStore.Due::id).toList();
			assertThat(ids).hasSize(MAILS);

			Map<Long, AtomicInteger> wins = new ConcurrentHashMap<>();
			CyclicBarrier start = new CyclicBarrier(NODES);
			ExecutorService nodes = Executors.newFixedThreadPool(NODES);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int n = 0; n < NODES; n++) {
					running.add(nodes.submit(() -> {
						List<Long> order = new ArrayList<>(ids);
						Collections.shuffle(order);
						start.await(10, TimeUnit.SECONDS);
						for (long id : order) {
							Instant now = Instant.now();
							if (store.claim(id, now, now.plus(Duration.ofMinutes(10)))) {
								wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
							}
						}
						return null;
					}));
				}
				for (Future<?> node : running) {
					node.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				nodes.shutdownNow();
			}

			assertThat(wins.keySet()).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(wins.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
			assertThat(jdbc.queryForList("SELECT attempts FROM mail_outbox", Integer.class)).containsOnly(1);
			// claimed, so due for nobody until the claim runs out
			assertThat(store.due(Instant.now(), MAILS)).isEmpty();
			assertThat(store.due(Instant.now().plus(Duration.ofMinutes(11)), MAILS)).hasSize(MAILS);
		}
	}

}
