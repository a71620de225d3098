package de.pfd.grants.query.partnerships;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.query.readmodel.Columns;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.PartnershipView;

/** The partnerships of the installation. Upserts: replay-safe. */
@Component
@ProcessingGroup("partnerships")
class PartnershipProjection {

	private final JdbcTemplate jdbc;

	PartnershipProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(PartnershipRegistered event, @Timestamp Instant at) {
		this.jdbc.update("""
				INSERT INTO partnership_view (partnership_id, name, registered_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""", event.partnershipId().value(), event.name(), Columns.utc(at));
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM partnership_view");
	}

	@QueryHandler
	List<PartnershipView> handle(FindPartnershipsQuery query) {
		return this.jdbc.query("SELECT partnership_id, name FROM partnership_view ORDER BY partnership_id",
				(rs, i) -> new PartnershipView(new PartnershipId(rs.getString(1)), rs.getString(2)));
	}

}
