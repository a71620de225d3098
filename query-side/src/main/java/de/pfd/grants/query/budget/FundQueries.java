package de.pfd.grants.query.budget;

import static de.pfd.grants.query.readmodel.Columns.money;
import static de.pfd.grants.query.readmodel.Columns.sum;
import static de.pfd.grants.query.readmodel.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FindFundMovementsQuery;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FindFundsQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.FundMovementType;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Answers the fund queries from the read tables: one set-based SQL statement per query.
 */
@Component
class FundQueries {

	/**
	 * Figures are sums over the movements up to an instant; a movement after it does not
	 * count and a fund opened after it does not exist yet.
	 */
	private static final String FIGURES = """
			SELECT f.fund_id, f.partnership_id, f.fund_type, f.fund_year, f.decision_body, f.per_project_cap,
			       f.fast_track_limit, f.closed_at, f.spend_within_weeks, f.proof_of_use_due_weeks, f.receipt_tolerance_days,
			       COALESCE(SUM(m.budget_delta), 0)   AS budget,
			       COALESCE(SUM(m.reserved_delta), 0) AS reserved,
			       COALESCE(SUM(m.paid_delta), 0)     AS paid,
			       COALESCE(SUM(m.released_delta), 0) AS released,
			       COALESCE(SUM(m.refunded_delta), 0) AS refunded,
			       COALESCE(SUM(m.lapsed_delta), 0)   AS lapsed,
			       (SELECT COALESCE(SUM(a.requested_amount), 0) FROM application_view a
			        WHERE a.fund_id = f.fund_id
			          AND a.status IN ('SUBMITTED', 'READY_FOR_DECISION', 'IN_VOTING', 'NO_DECISION'))
			                                          AS requested_pending
			FROM fund_view f
			LEFT JOIN fund_movement m ON m.fund_id = f.fund_id AND m.occurred_at <= ?
			WHERE f.partnership_id = ? AND f.opened_at <= ? %s
			GROUP BY f.fund_id, f.partnership_id, f.fund_type, f.fund_year, f.decision_body, f.per_project_cap,
			         f.fast_track_limit, f.closed_at, f.spend_within_weeks, f.proof_of_use_due_weeks, f.receipt_tolerance_days
			ORDER BY f.fund_year DESC, f.fund_type""";

	private final JdbcTemplate jdbc;

	FundQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@QueryHandler
	List<FundBudget> handle(FindFundsQuery query) {
		OffsetDateTime now = utc(Instant.now());
		return this.jdbc.query(FIGURES.formatted(""), (rs, i) -> figures(rs, null), now, query.partnershipId().value(),
				now);
	}

	@QueryHandler
	Optional<FundBudget> handle(FindFundQuery query) {
		OffsetDateTime at = utc(query.asOf() == null ? Instant.now() : query.asOf());
		return this.jdbc
			.query(FIGURES.formatted("AND f.fund_id = ?"), (rs, i) -> figures(rs, query.asOf()), at,
					query.partnershipId().value(), at, query.fundId().value())
			.stream()
			.findFirst();
	}

	@QueryHandler
	List<FundMovement> handle(FindFundMovementsQuery query) {
		List<FundMovement> movements = new ArrayList<>();
		Money[] available = { Money.ZERO };
		this.jdbc.query("""
				SELECT m.sequence_number, m.occurred_at, m.movement_type, m.application_id, m.amount,
				       m.budget_delta, m.reserved_delta, m.lapsed_delta, m.note, m.actor
				FROM fund_movement m JOIN fund_view f ON f.fund_id = m.fund_id
				WHERE m.fund_id = ? AND f.partnership_id = ?
				ORDER BY m.sequence_number""", rs -> {
			// the formula is linear: the running balance adds up the changes
			available[0] = available[0].plus(
					FundBudget.available(sum(rs, "budget_delta"), sum(rs, "reserved_delta"), sum(rs, "lapsed_delta")));
			String application = rs.getString("application_id");
			movements.add(new FundMovement(rs.getLong("sequence_number"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					FundMovementType.valueOf(rs.getString("movement_type")),
					application == null ? null : new ApplicationId(application), sum(rs, "amount"), available[0],
					rs.getString("note"), rs.getString("actor")));
		}, query.fundId().value(), query.partnershipId().value());
		return movements;
	}

	private static FundBudget figures(ResultSet rs, Instant asOf) throws SQLException {
		Money budget = sum(rs, "budget");
		Money reserved = sum(rs, "reserved");
		Money lapsed = sum(rs, "lapsed");
		OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
		boolean closed = closedAt != null && (asOf == null || !closedAt.toInstant().isAfter(asOf));
		return new FundBudget(new FundId(rs.getString("fund_id")), new PartnershipId(rs.getString("partnership_id")),
				FundType.valueOf(rs.getString("fund_type")), rs.getInt("fund_year"),
				DecisionBodyType.valueOf(rs.getString("decision_body")), budget, reserved, sum(rs, "paid"),
				sum(rs, "released"), sum(rs, "refunded"), lapsed, FundBudget.available(budget, reserved, lapsed),
				sum(rs, "requested_pending"), money(rs, "per_project_cap"), money(rs, "fast_track_limit"),
				closed ? FundStatus.CLOSED : FundStatus.OPEN, asOf, rs.getInt("spend_within_weeks"),
				rs.getInt("proof_of_use_due_weeks"), rs.getInt("receipt_tolerance_days"));
	}

}
