package de.pfd.grants.query.budget;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.money;
import static de.pfd.grants.query.readmodel.Columns.sum;
import static de.pfd.grants.query.readmodel.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Answers the fund queries from the read tables: one set-based SQL statement per query.
 */
@Component
class FundQueries {

	/**
	 * Figures are sums over the movements up to an instant of entry, or up to a day by
	 * value date; a movement after it does not count, and a fund opened after it did not
	 * exist yet.
	 */
	private static final String FIGURES = """
			SELECT f.fund_id, f.partnership_id, f.fund_type, f.fund_year, f.decision_body, f.per_project_cap,
			       f.fast_track_limit, f.closed_at, f.spend_within_weeks, f.proof_of_use_due_weeks, f.opened_at,
			       f.receipt_tolerance_days,
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
			LEFT JOIN fund_movement m ON m.fund_id = f.fund_id AND %s
			WHERE f.partnership_id = ? %s
			GROUP BY f.fund_id, f.partnership_id, f.fund_type, f.fund_year, f.decision_body, f.per_project_cap,
			         f.fast_track_limit, f.closed_at, f.spend_within_weeks, f.proof_of_use_due_weeks, f.opened_at,
			         f.receipt_tolerance_days
			ORDER BY f.fund_year DESC, f.fund_type""";

	private static final String BY_ENTRY = "m.occurred_at <= ?";

	private static final String BY_VALUE_DATE = "m.value_date <= ?";

	private final JdbcTemplate jdbc;

	FundQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@QueryHandler
	List<FundBudget> handle(FindFundsQuery query) {
		OffsetDateTime now = utc(Instant.now());
		return this.jdbc.query(FIGURES.formatted(BY_ENTRY, "AND f.opened_at <= ?"), (rs, i) -> figures(rs, null, null),
				now, query.partnershipId().value(), now);
	}

	/**
	 * A fund of the partnership asked for before it was opened answers with zero figures
	 * and {@code existed} false.
	 */
	@QueryHandler
	Optional<FundBudget> handle(FindFundQuery query) {
		Object until = query.asOfDate() != null ? query.asOfDate()
				: utc(query.asOf() == null ? Instant.now() : query.asOf());
		return this.jdbc
			.query(FIGURES.formatted(query.asOfDate() != null ? BY_VALUE_DATE : BY_ENTRY, "AND f.fund_id = ?"),
					(rs, i) -> figures(rs, query.asOf(), query.asOfDate()), until, query.partnershipId().value(),
					query.fundId().value())
			.stream()
			.findFirst();
	}

	@QueryHandler
	List<FundMovement> handle(FindFundMovementsQuery query) {
		List<FundMovement> movements = new ArrayList<>();
		Money[] available = { Money.ZERO };
		this.jdbc.query("""
				SELECT m.sequence_number, m.occurred_at, m.movement_type, m.application_id, m.amount,
				       m.budget_delta, m.reserved_delta, m.lapsed_delta, m.note, m.actor, m.value_date
				FROM fund_movement m JOIN fund_view f ON f.fund_id = m.fund_id
				WHERE m.fund_id = ? AND f.partnership_id = ?
				ORDER BY m.sequence_number""", rs -> {
			// the formula is linear: the running balance adds up the changes
			available[0] = available[0].plus(
					FundBudget.available(sum(rs, "budget_delta"), sum(rs, "reserved_delta"), sum(rs, "lapsed_delta")));
			String application = rs.getString("application_id");
			Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
			LocalDate valueDate = rs.getObject("value_date", LocalDate.class);
			movements.add(new FundMovement(rs.getLong("sequence_number"), at,
					FundMovementType.valueOf(rs.getString("movement_type")),
					application == null ? null : new ApplicationId(application), sum(rs, "amount"), available[0],
					rs.getString("note"), rs.getString("actor"),
					valueDate == null ? PartnershipCalendar.dayOf(at) : valueDate));
		}, query.fundId().value(), query.partnershipId().value());
		return movements;
	}

	private static FundBudget figures(ResultSet rs, Instant asOf, LocalDate asOfDate) throws SQLException {
		Instant opened = instant(rs, "opened_at");
		Instant closedAt = instant(rs, "closed_at");
		boolean existed = !happenedAfter(opened, asOf, asOfDate);
		if (!existed) {
			return new FundBudget(new FundId(rs.getString("fund_id")),
					new PartnershipId(rs.getString("partnership_id")), FundType.valueOf(rs.getString("fund_type")),
					rs.getInt("fund_year"), DecisionBodyType.valueOf(rs.getString("decision_body")), Money.ZERO,
					Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
					money(rs, "per_project_cap"), money(rs, "fast_track_limit"), FundStatus.OPEN, asOf,
					rs.getInt("spend_within_weeks"), rs.getInt("proof_of_use_due_weeks"),
					rs.getInt("receipt_tolerance_days"), asOfDate, false);
		}
		Money budget = sum(rs, "budget");
		Money reserved = sum(rs, "reserved");
		Money lapsed = sum(rs, "lapsed");
		boolean closed = closedAt != null && !happenedAfter(closedAt, asOf, asOfDate);
		return new FundBudget(new FundId(rs.getString("fund_id")), new PartnershipId(rs.getString("partnership_id")),
				FundType.valueOf(rs.getString("fund_type")), rs.getInt("fund_year"),
				DecisionBodyType.valueOf(rs.getString("decision_body")), budget, reserved, sum(rs, "paid"),
				sum(rs, "released"), sum(rs, "refunded"), lapsed, FundBudget.available(budget, reserved, lapsed),
				sum(rs, "requested_pending"), money(rs, "per_project_cap"), money(rs, "fast_track_limit"),
				closed ? FundStatus.CLOSED : FundStatus.OPEN, asOf, rs.getInt("spend_within_weeks"),
				rs.getInt("proof_of_use_due_weeks"), rs.getInt("receipt_tolerance_days"), asOfDate, true);
	}

	/**
	 * Whether something entered at {@code at} is later than the instant, or than the end
	 * of the day in the partnership's calendar, the figures are asked for (now: never).
	 */
	private static boolean happenedAfter(Instant at, Instant asOf, LocalDate asOfDate) {
		if (asOfDate != null) {
			return PartnershipCalendar.dayOf(at).isAfter(asOfDate);
		}
		return asOf != null && at.isAfter(asOf);
	}

}
