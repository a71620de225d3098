package de.pfd.grants.query.budget;

import static de.pfd.grants.query.readmodel.Columns.instant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.fund.FindCallRoundsQuery;
import de.pfd.grants.shared.fund.FindWaitlistPolicyQuery;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySetting;

/**
 * A fund's settings: its waiting-list policy over time (version 0 is the default every
 * fund opens with, since its opening, by whoever opened it, then every setting staff
 * made) and its call rounds.
 */
@Component
class WaitlistPolicyQueries {

	private final JdbcTemplate jdbc;

	WaitlistPolicyQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@QueryHandler
	List<WaitlistPolicySetting> handle(FindWaitlistPolicyQuery query) {
		List<WaitlistPolicySetting> history = new ArrayList<>(this.jdbc.query("""
				SELECT f.opened_at, m.actor FROM fund_view f
				LEFT JOIN fund_movement m ON m.fund_id = f.fund_id AND m.movement_type = 'OPENING_BUDGET'
				WHERE f.fund_id = ?""", (rs, i) -> new WaitlistPolicySetting(0, WaitlistPolicy.DEFAULT,
				instant(rs, "opened_at"), rs.getString("actor")), query.fundId().value()));
		history.addAll(this.jdbc.query("""
				SELECT version, policy, since, set_by FROM fund_waitlist_policy WHERE fund_id = ? ORDER BY version""",
				(rs, i) -> new WaitlistPolicySetting(rs.getInt("version"),
						WaitlistPolicy.valueOf(rs.getString("policy")), instant(rs, "since"), rs.getString("set_by")),
				query.fundId().value()));
		return history;
	}

	@QueryHandler
	List<CallRound> handle(FindCallRoundsQuery query) {
		return this.jdbc.query("""
				SELECT round_number, name, submission_deadline, budget_share_percent FROM fund_call_round
				WHERE fund_id = ? ORDER BY round_number""",
				(rs, i) -> new CallRound(rs.getInt("round_number"), rs.getString("name"),
						rs.getObject("submission_deadline", LocalDate.class), rs.getInt("budget_share_percent")),
				query.fundId().value());
	}

}
