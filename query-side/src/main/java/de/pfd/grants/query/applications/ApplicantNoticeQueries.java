package de.pfd.grants.query.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicantNotice;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.FindApplicantNoticeQuery;
import de.pfd.grants.shared.application.FindProofsOfUseDueQuery;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Answers the notifications' queries: who applied and what a mail to them names. Not
 * scoped to a partnership on purpose: only the system asks, never a user.
 */
@Component
class ApplicantNoticeQueries {

	private static final String SELECT = """
			SELECT a.application_id, a.partnership_id, a.owner, a.title, a.fund_id, a.proof_due_on,
			       f.fund_type, f.fund_year
			FROM application_view a JOIN fund_view f ON f.fund_id = a.fund_id
			""";

	private static final RowMapper<ApplicantNotice> NOTICE = (rs, i) -> new ApplicantNotice(
			new ApplicationId(rs.getString("application_id")), new PartnershipId(rs.getString("partnership_id")),
			rs.getString("owner"), rs.getString("title"), new FundId(rs.getString("fund_id")),
			FundType.valueOf(rs.getString("fund_type")), rs.getInt("fund_year"),
			rs.getObject("proof_due_on", LocalDate.class));

	private final JdbcTemplate jdbc;

	ApplicantNoticeQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@QueryHandler
	Optional<ApplicantNotice> handle(FindApplicantNoticeQuery query) {
		return this.jdbc.query(SELECT + "WHERE a.application_id = ?", NOTICE, query.applicationId().value())
			.stream()
			.findFirst();
	}

	@QueryHandler
	List<ApplicantNotice> handle(FindProofsOfUseDueQuery query) {
		return this.jdbc.query(SELECT + """
				WHERE a.status = 'APPROVED' AND a.proof_due_on BETWEEN ? AND ?
				  AND a.proof_submitted_at IS NULL AND NOT a.proof_overdue
				ORDER BY a.proof_due_on, a.application_id""", NOTICE, query.from(), query.until());
	}

}
