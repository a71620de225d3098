package de.pfd.grants.query.bodies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.body.DecisionBodyEstablished;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.MemberRemoved;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.body.VotingRulesChanged;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/** Decision bodies with their members and current rules. Upserts: replay-safe. */
@Component
@ProcessingGroup("decision-bodies")
class DecisionBodyProjection {

	private final JdbcTemplate jdbc;

	DecisionBodyProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(DecisionBodyEstablished event, @SequenceNumber long sequence) {
		this.jdbc.update("""
				INSERT INTO decision_body_view (body_id, partnership_id, body_type, name, rule_version, quorum_percent,
				    circular_duration, last_sequence)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.bodyId().value(), event.partnershipId().value(), event.type().name(),
				event.name(), event.rules().version(), event.rules().quorumPercent(),
				event.rules().circularDuration().toString(), sequence);
	}

	@EventHandler
	void on(MemberAdded event) {
		Member m = event.member();
		this.jdbc.update("DELETE FROM decision_body_member WHERE body_id = ? AND username = ?", event.bodyId().value(),
				m.username());
		this.jdbc.update("""
				INSERT INTO decision_body_member (body_id, username, name, organisation, voting, organisation_ids)
				VALUES (?, ?, ?, ?, ?, ?)""", event.bodyId().value(), m.username(), m.name(), m.organisation(),
				m.voting(), m.organisationIds().isEmpty() ? null
						: String.join(",", m.organisationIds().stream().map(OrganisationId::value).toList()));
	}

	@EventHandler
	void on(MemberRemoved event) {
		this.jdbc.update("DELETE FROM decision_body_member WHERE body_id = ? AND username = ?", event.bodyId().value(),
				event.username());
	}

	@EventHandler
	void on(VotingRulesChanged event, @SequenceNumber long sequence) {
		this.jdbc.update("""
				UPDATE decision_body_view SET rule_version = ?, quorum_percent = ?, circular_duration = ?,
				    last_sequence = ?
				WHERE body_id = ? AND last_sequence < ?""", event.rules().version(), event.rules().quorumPercent(),
				event.rules().circularDuration().toString(), sequence, event.bodyId().value(), sequence);
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM decision_body_member");
		this.jdbc.update("DELETE FROM decision_body_view");
	}

	@QueryHandler
	List<DecisionBodyView> handle(FindDecisionBodiesQuery query) {
		Map<String, List<Member>> members = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT m.body_id, m.username, m.name, m.organisation, m.voting, m.organisation_ids
				FROM decision_body_member m JOIN decision_body_view b ON b.body_id = m.body_id
				WHERE b.partnership_id = ? ORDER BY m.username""", rs -> {
			String ids = rs.getString("organisation_ids");
			members.computeIfAbsent(rs.getString("body_id"), k -> new ArrayList<>())
				.add(new Member(rs.getString("username"), rs.getString("name"), rs.getString("organisation"),
						rs.getBoolean("voting"), ids == null || ids.isBlank() ? List.of()
								: Arrays.stream(ids.split(",")).map(OrganisationId::new).toList()));
		}, query.partnershipId().value());
		return this.jdbc.query("""
				SELECT * FROM decision_body_view WHERE partnership_id = ? ORDER BY body_type""",
				(rs, i) -> new DecisionBodyView(new DecisionBodyId(rs.getString("body_id")),
						new PartnershipId(rs.getString("partnership_id")),
						DecisionBodyType.valueOf(rs.getString("body_type")), rs.getString("name"),
						new VotingRules(rs.getInt("rule_version"), rs.getInt("quorum_percent"),
								Duration.parse(rs.getString("circular_duration"))),
						members.getOrDefault(rs.getString("body_id"), List.of())),
				query.partnershipId().value());
	}

}
