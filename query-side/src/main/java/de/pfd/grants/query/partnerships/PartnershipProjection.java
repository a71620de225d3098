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
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import de.pfd.grants.shared.partnership.PartnershipSettingsChanged;
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

	@EventHandler
	void on(PartnershipSettingsChanged event) {
		// the newest settings win; events of one partnership arrive in order
		int updated = this.jdbc.update("""
				UPDATE partnership_settings SET four_eyes_payouts = ?, processing_time_target_days = ?,
				retention_years = ?, unsuccessful_retention_years = ?
				WHERE partnership_id = ?""", event.fourEyesPayouts(), event.processingTimeTargetDays(),
				event.retentionYears(), event.unsuccessfulRetentionYears(), event.partnershipId().value());
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO partnership_settings (partnership_id, four_eyes_payouts, processing_time_target_days,
					retention_years, unsuccessful_retention_years)
					VALUES (?, ?, ?, ?, ?)""", event.partnershipId().value(), event.fourEyesPayouts(),
					event.processingTimeTargetDays(), event.retentionYears(), event.unsuccessfulRetentionYears());
		}
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM partnership_settings");
		this.jdbc.update("DELETE FROM partnership_view");
	}

	/** The partnership's settings; the defaults while it never changed them. */
	@QueryHandler
	PartnershipSettings handle(FindPartnershipSettingsQuery query) {
		return this.jdbc
			.query("""
					SELECT four_eyes_payouts, processing_time_target_days, retention_years, unsuccessful_retention_years
					FROM partnership_settings WHERE partnership_id = ?""",
					(rs, i) -> new PartnershipSettings(rs.getBoolean(1), rs.getInt(2), rs.getObject(3, Integer.class),
							rs.getObject(4, Integer.class)),
					query.partnershipId().value())
			.stream()
			.findFirst()
			.orElse(PartnershipSettings.DEFAULTS);
	}

	@QueryHandler
	List<PartnershipView> handle(FindPartnershipsQuery query) {
		return this.jdbc.query("SELECT partnership_id, name FROM partnership_view ORDER BY partnership_id",
				(rs, i) -> new PartnershipView(new PartnershipId(rs.getString(1)), rs.getString(2)));
	}

}
