package de.pfd.grants.query.decisions;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.money;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.query.organisations.OrganisationNames;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DecisionView;
import de.pfd.grants.shared.voting.FindAgendaQuery;
import de.pfd.grants.shared.voting.FindDecisionsQuery;
import de.pfd.grants.shared.voting.FindVotesQuery;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.voting.VoteView;

/**
 * Agendas, decisions and individual votes, from the read tables of the applications
 * processor.
 */
@Component
class DecisionQueries {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionQueries(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@QueryHandler
	List<AgendaItem> handle(FindAgendaQuery query) {
		return this.jdbc.query("""
				SELECT o.application_id, a.fund_id, a.title, v.requested_amount, o.version, o.procedure,
				       o.closes_at, v.content_json, m.choice, m.recused, m.username AS member, m.automatic,
				       m.reason,""" + OrganisationNames.COLUMNS + """
				FROM open_vote o
				JOIN application_view a ON a.application_id = o.application_id""" + OrganisationNames.JOIN + """
				JOIN application_version v ON v.application_id = o.application_id AND v.version = o.version
				LEFT JOIN vote_view m ON m.application_id = o.application_id AND m.round = o.round AND m.username = ?
				WHERE a.partnership_id = ? AND o.body_type = ?
				ORDER BY o.opened_at, o.application_id""", (rs, i) -> {
			String choice = rs.getString("choice");
			return new AgendaItem(new ApplicationId(rs.getString("application_id")),
					new FundId(rs.getString("fund_id")), rs.getString("title"), rs.getString("organisation_name"),
					money(rs, "requested_amount"), rs.getInt("version"),
					VoteProcedure.valueOf(rs.getString("procedure")), instant(rs, "closes_at"),
					read(rs.getString("content_json")), choice == null ? null : VoteChoice.valueOf(choice),
					rs.getBoolean("recused"), rs.getString("member") != null,
					rs.getBoolean("recused") ? rs.getBoolean("automatic") : null,
					rs.getBoolean("recused") ? rs.getString("reason") : null);
		}, query.username(), query.partnershipId().value(), query.body().name());
	}

	@QueryHandler
	List<DecisionView> handle(FindDecisionsQuery query) {
		List<Object> args = new ArrayList<>(List.of(query.partnershipId().value()));
		String filter = "";
		if (query.fundId() != null) {
			filter += " AND d.fund_id = ?";
			args.add(query.fundId().value());
		}
		if (query.body() != null) {
			filter += " AND f.decision_body = ?";
			args.add(query.body().name());
		}
		return this.jdbc.query("""
				SELECT d.*, a.title,""" + OrganisationNames.COLUMNS + """
				FROM decision_view d
				JOIN application_view a ON a.application_id = d.application_id""" + OrganisationNames.JOIN + """
				JOIN fund_view f ON f.fund_id = d.fund_id
				WHERE a.partnership_id = ?""" + filter + " ORDER BY d.decided_at, d.application_id", (rs, i) -> {
			Tally tally = null;
			int yes = rs.getInt("yes_votes");
			if (!rs.wasNull()) {
				String recused = rs.getString("recused");
				tally = new Tally(yes, rs.getInt("no_votes"), rs.getInt("abstentions"), rs.getInt("eligible"),
						rs.getInt("participating"), rs.getInt("quorum_required"), rs.getBoolean("quorum_reached"),
						recused == null || recused.isBlank() ? List.of() : Arrays.asList(recused.split(",")));
			}
			return new DecisionView(new ApplicationId(rs.getString("application_id")),
					new FundId(rs.getString("fund_id")), rs.getString("title"), rs.getString("organisation_name"),
					DecisionOutcome.valueOf(rs.getString("outcome")),
					ApplicationDecided.DecidedBy.valueOf(rs.getString("decided_by")), money(rs, "approved_amount"),
					rs.getString("conditions"), rs.getString("note"), tally, rs.getInt("version"),
					rs.getInt("rule_version"), instant(rs, "decided_at"),
					(Boolean) rs.getObject("starts_before_approval"), (Boolean) rs.getObject("early_start_approved"),
					rs.getString("closed_by"), rs.getString("closed_by_role"));
		}, args.toArray());
	}

	@QueryHandler
	List<VoteView> handle(FindVotesQuery query) {
		return this.jdbc.query("""
				SELECT v.*, DENSE_RANK() OVER (ORDER BY v.round) AS round_number
				FROM vote_view v JOIN application_view a ON a.application_id = v.application_id
				WHERE v.application_id = ? AND a.partnership_id = ?
				ORDER BY v.round, v.username""", (rs, i) -> {
			String choice = rs.getString("choice");
			return new VoteView(rs.getString("username"), choice == null ? null : VoteChoice.valueOf(choice),
					rs.getBoolean("recused"), rs.getString("reason"), rs.getBoolean("automatic"), instant(rs, "at"),
					// rounds are stored by the event that opened them, numbered 1, 2, ...
					// here
					rs.getInt("round_number"));
		}, query.applicationId().value(), query.partnershipId().value());
	}

	private ApplicationContent read(String content) {
		try {
			return this.json.readValue(content, ApplicationContent.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable application content", ex);
		}
	}

}
