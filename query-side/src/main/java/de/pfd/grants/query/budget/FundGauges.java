package de.pfd.grants.query.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.fund.FindFundsQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.partnership.PartnershipId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The funds' figures as gauges, per fund (tags {@code partnership}, {@code fund}):
 * {@code grants.fund.available}, {@code grants.fund.reserved} (EUR) and
 * {@code grants.fund.waiting.list} (approvals waiting for money). Read from the read
 * model with the same query as {@code GET /api/funds}, at most every 15 seconds, when a
 * scrape asks; a fund opened later gets its gauges at the next refresh. While the
 * database is gone the last figures stay.
 */
@Component
class FundGauges implements MeterBinder, ApplicationListener<ApplicationReadyEvent> {

	private static final Duration FRESH = Duration.ofSeconds(15);

	private final FundQueries funds;

	private final JdbcTemplate jdbc;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	private volatile MeterRegistry registry;

	private volatile Map<String, Figures> snapshot = Map.of();

	private volatile Instant takenAt = Instant.MIN;

	FundGauges(FundQueries funds, JdbcTemplate jdbc) {
		this.funds = funds;
		this.jdbc = jdbc;
	}

	/** One fund's figures at the last refresh. */
	record Figures(String partnership, double available, double reserved, long waiting) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("grants.funds", this, gauges -> gauges.figures().size())
			.description("Funds of all partnerships (the per-fund gauges follow the same refresh)")
			.register(registry);
	}

	/** The funds there are at start get their gauges before the first scrape. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent ready) {
		figures();
	}

	/** The figures, refreshed when older than 15 seconds. */
	synchronized Map<String, Figures> figures() {
		if (this.takenAt.plus(FRESH).isBefore(Instant.now())) {
			try {
				this.snapshot = load();
				this.snapshot.forEach(this::register);
			}
			catch (DataAccessException gone) {
				// the last figures stay; the health endpoint reports the database
			}
			this.takenAt = Instant.now();
		}
		return this.snapshot;
	}

	private Map<String, Figures> load() {
		Map<String, Long> waiting = new HashMap<>();
		this.jdbc.query("SELECT fund_id, COUNT(*) AS n FROM application_view WHERE waitlist_order IS NOT NULL "
				+ "GROUP BY fund_id", rs -> {
					waiting.put(rs.getString("fund_id"), rs.getLong("n"));
				});
		Map<String, Figures> figures = new HashMap<>();
		List<String> partnerships = this.jdbc.queryForList("SELECT partnership_id FROM partnership_view", String.class);
		for (String partnership : partnerships) {
			for (FundBudget fund : this.funds.handle(new FindFundsQuery(new PartnershipId(partnership)))) {
				String id = fund.id().value();
				figures.put(id, new Figures(partnership, fund.available().amount().doubleValue(),
						fund.reserved().amount().doubleValue(), waiting.getOrDefault(id, 0L)));
			}
		}
		return Map.copyOf(figures);
	}

	private void register(String fund, Figures figures) {
		MeterRegistry meters = this.registry;
		if (meters == null || !this.registered.add(fund)) {
			return;
		}
		gauge(meters, "grants.fund.available", "Money of the fund still available (EUR)", fund, figures,
				Figures::available);
		gauge(meters, "grants.fund.reserved", "Money of the fund reserved for approvals (EUR)", fund, figures,
				Figures::reserved);
		gauge(meters, "grants.fund.waiting.list", "Approvals of the fund waiting for money", fund, figures,
				f -> f.waiting());
	}

	private void gauge(MeterRegistry meters, String name, String description, String fund, Figures figures,
			ToDoubleFunction<Figures> value) {
		Gauge.builder(name, this, gauges -> {
			Figures now = gauges.figures().get(fund);
			return now == null ? Double.NaN : value.applyAsDouble(now);
		}).description(description).tag("partnership", figures.partnership()).tag("fund", fund).register(meters);
	}

}
