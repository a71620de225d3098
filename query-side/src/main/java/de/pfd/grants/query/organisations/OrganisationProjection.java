package de.pfd.grants.query.organisations;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.organisation.AccountLinkedToOrganisation;
import de.pfd.grants.shared.organisation.FindOrganisationQuery;
import de.pfd.grants.shared.organisation.FindOrganisationsQuery;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationMerged;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The organisations of each partnership and the accounts that belong to them. A merged
 * duplicate keeps its row and its members' rows; it points at the surviving organisation
 * (always the final one, also after merges of merges), and reads count its members for
 * the survivor. Inserts that ignore duplicates and idempotent updates: replay-safe.
 */
@Component
@ProcessingGroup(OrganisationProjection.GROUP)
class OrganisationProjection {

	static final String GROUP = "organisations";

	private final JdbcTemplate jdbc;

	OrganisationProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(OrganisationRegistered event, @Timestamp Instant at) {
		this.jdbc.update("""
				INSERT INTO organisation_view (organisation_id, partnership_id, name, legal_form, address, contact_name,
				    email, registered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.organisationId().value(), event.partnershipId().value(), event.name(),
				event.legalForm().name(), event.address(), event.contactName(), event.email(), utc(at));
	}

	@EventHandler
	void on(AccountLinkedToOrganisation event) {
		this.jdbc.update("""
				INSERT INTO organisation_member (organisation_id, username) VALUES (?, ?)
				ON CONFLICT DO NOTHING""", event.organisationId().value(), event.username());
	}

	@EventHandler
	void on(OrganisationMerged event) {
		// the duplicate, and whatever was merged into it before, now stand for the
		// survivor
		this.jdbc.update("UPDATE organisation_view SET merged_into = ? WHERE organisation_id = ? OR merged_into = ?",
				event.into().value(), event.organisationId().value(), event.organisationId().value());
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM organisation_member");
		this.jdbc.update("DELETE FROM organisation_view");
	}

	@QueryHandler
	List<OrganisationView> handle(FindOrganisationsQuery query) {
		List<Object> args = new ArrayList<>(List.of(query.partnershipId().value()));
		String member = "";
		if (query.member() != null) {
			member = " AND EXISTS (SELECT 1 FROM organisation_member m"
					+ " JOIN organisation_view o ON o.organisation_id = m.organisation_id"
					+ " WHERE m.username = ? AND COALESCE(o.merged_into, o.organisation_id) = s.organisation_id)";
			args.add(query.member());
		}
		List<Row> rows = this.jdbc.query("""
				SELECT * FROM organisation_view s WHERE s.partnership_id = ? AND s.merged_into IS NULL""" + member
				+ " ORDER BY s.name, s.organisation_id", (rs, i) -> row(rs), args.toArray());
		Map<String, List<String>> members = new LinkedHashMap<>();
		Map<String, List<OrganisationId>> merged = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT DISTINCT COALESCE(o.merged_into, o.organisation_id) AS survivor, m.username
				FROM organisation_member m JOIN organisation_view o ON o.organisation_id = m.organisation_id
				WHERE o.partnership_id = ? ORDER BY m.username""", rs -> {
			members.computeIfAbsent(rs.getString("survivor"), k -> new ArrayList<>()).add(rs.getString("username"));
		}, query.partnershipId().value());
		this.jdbc.query("""
				SELECT organisation_id, merged_into FROM organisation_view
				WHERE partnership_id = ? AND merged_into IS NOT NULL ORDER BY organisation_id""", rs -> {
			merged.computeIfAbsent(rs.getString("merged_into"), k -> new ArrayList<>())
				.add(new OrganisationId(rs.getString("organisation_id")));
		}, query.partnershipId().value());
		return rows.stream()
			.map(row -> row.view(members.getOrDefault(row.id, List.of()), merged.getOrDefault(row.id, List.of())))
			.toList();
	}

	@QueryHandler
	Optional<OrganisationView> handle(FindOrganisationQuery query) {
		Optional<Row> found = this.jdbc
			.query("SELECT * FROM organisation_view s WHERE s.organisation_id = ? AND s.partnership_id = ?",
					(rs, i) -> row(rs), query.organisationId().value(), query.partnershipId().value())
			.stream()
			.findFirst();
		return found.map(row -> {
			String survivor = row.mergedInto == null ? row.id : row.mergedInto;
			List<String> members = this.jdbc.queryForList("""
					SELECT DISTINCT m.username FROM organisation_member m
					JOIN organisation_view o ON o.organisation_id = m.organisation_id
					WHERE COALESCE(o.merged_into, o.organisation_id) = ? ORDER BY m.username""", String.class,
					survivor);
			List<OrganisationId> merged = row.mergedInto != null ? List.of() : this.jdbc
				.queryForList(
						"SELECT organisation_id FROM organisation_view WHERE merged_into = ? ORDER BY organisation_id",
						String.class, row.id)
				.stream()
				.map(OrganisationId::new)
				.toList();
			return row.view(members, merged);
		});
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getString("organisation_id"), rs.getString("partnership_id"), rs.getString("name"),
				rs.getString("legal_form"), rs.getString("address"), rs.getString("contact_name"),
				rs.getString("email"), rs.getString("merged_into"));
	}

	private record Row(String id, String partnershipId, String name, String legalForm, String address,
			String contactName, String email, String mergedInto) {

		OrganisationView view(List<String> members, List<OrganisationId> merged) {
			return new OrganisationView(new OrganisationId(this.id), new PartnershipId(this.partnershipId), this.name,
					LegalForm.valueOf(this.legalForm), this.address, this.contactName, this.email,
					this.mergedInto == null ? null : new OrganisationId(this.mergedInto), members, merged);
		}

	}

}
