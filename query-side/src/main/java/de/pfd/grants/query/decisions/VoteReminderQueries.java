package de.pfd.grants.query.decisions;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.utc;

import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.BallotToRemind;
import de.pfd.grants.shared.voting.FindBallotsToRemindQuery;

/**
 * The ballots the members' reminders ask for: of every partnership on purpose (only the
 * system asks, never a user). A member counts while the snapshot of the vote names them,
 * they have neither voted nor recused, and the body still lists them as voting.
 */
@Component
class VoteReminderQueries {

	private final JdbcTemplate jdbc;

	VoteReminderQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@QueryHandler
	List<BallotToRemind> handle(FindBallotsToRemindQuery query) {
		return this.jdbc.query("""
				SELECT o.application_id, a.partnership_id, o.round, m.username, a.title, f.fund_type, f.fund_year,
				       o.opened_at, o.closes_at
				FROM open_vote o
				JOIN application_view a ON a.application_id = o.application_id
				JOIN fund_view f ON f.fund_id = a.fund_id
				JOIN vote_view m ON m.application_id = o.application_id AND m.round = o.round
				WHERE o.procedure = 'CIRCULAR' AND o.closes_at > ? AND o.closes_at <= ?
				  AND m.choice IS NULL AND NOT m.recused
				  AND EXISTS (SELECT 1 FROM decision_body_view b
				              JOIN decision_body_member bm ON bm.body_id = b.body_id
				              WHERE b.partnership_id = a.partnership_id AND b.body_type = o.body_type
				                AND bm.username = m.username AND bm.voting)
				ORDER BY o.closes_at, o.application_id, m.username""",
				(rs, i) -> new BallotToRemind(new ApplicationId(rs.getString("application_id")),
						new PartnershipId(rs.getString("partnership_id")), rs.getLong("round"),
						rs.getString("username"), rs.getString("title"), FundType.valueOf(rs.getString("fund_type")),
						rs.getInt("fund_year"), instant(rs, "opened_at"), instant(rs, "closes_at")),
				utc(query.from()), utc(query.until()));
	}

}
