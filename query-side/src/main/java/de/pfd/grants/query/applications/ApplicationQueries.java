package de.pfd.grants.query.applications;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.money;
import static de.pfd.grants.query.readmodel.Columns.sum;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.query.organisations.OrganisationNames;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationDetail.StatusChange;
import de.pfd.grants.shared.application.ApplicationDetail.SubmittedVersion;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.application.FindApplicationsWaitingInFundQuery;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.FindOverdueGrantsQuery;
import de.pfd.grants.shared.grant.OverdueGrant;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Answers the application queries from the read tables, always within one partnership.
 */
@Component
class ApplicationQueries {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	/** The refund claim and the interest of a grant. */
	private final RefundClaims refundClaims;

	ApplicationQueries(JdbcTemplate jdbc, ObjectMapper json, RefundClaims refundClaims) {
		this.jdbc = jdbc;
		this.json = json;
		this.refundClaims = refundClaims;
	}

	@QueryHandler
	List<ApplicationSummary> handle(FindApplicationsQuery query) {
		// staff and auditors: with what the office needs to see what waits for it
		boolean office = query.owner() == null && query.decisionBody() == null;
		StringBuilder sql = new StringBuilder("""
				SELECT a.application_id, a.fund_id, a.title, a.status, a.requested_amount,
				       a.submitted_at, a.status_since, a.version, a.approved_amount, a.funds_reserved,
				       a.notice_issued_at, a.notice_confirmed_at, a.spend_by, a.proof_due_on,"""
				+ (office ? OFFICE_COLUMNS : "") + OrganisationNames.COLUMNS + """
						FROM application_view a JOIN fund_view f ON f.fund_id = a.fund_id""" + OrganisationNames.JOIN
				+ """
						WHERE a.partnership_id = ?""");
		List<Object> args = new ArrayList<>(List.of(query.partnershipId().value()));
		if (query.owner() != null) {
			sql.append(" AND a.owner = ?");
			args.add(query.owner());
		}
		if (query.decisionBody() != null) {
			sql.append(" AND a.before_body AND f.decision_body = ?");
			args.add(query.decisionBody().name());
		}
		if (query.fundId() != null) {
			sql.append(" AND a.fund_id = ?");
			args.add(query.fundId().value());
		}
		if (query.status() != null) {
			sql.append(" AND a.status = ?");
			args.add(query.status().name());
		}
		sql.append(" ORDER BY a.created_at DESC, a.application_id");
		Instant now = Instant.now();
		return this.jdbc.query(sql.toString(),
				(rs, i) -> new ApplicationSummary(new ApplicationId(rs.getString("application_id")),
						new FundId(rs.getString("fund_id")), rs.getString("organisation_name"), rs.getString("title"),
						ApplicationStatus.valueOf(rs.getString("status")), money(rs, "requested_amount"),
						instant(rs, "submitted_at"), days(instant(rs, "status_since"), now), rs.getInt("version"),
						organisationId(rs), grantProgress(rs), office ? officeFacts(rs) : null),
				args.toArray());
	}

	/**
	 * The office's facts of a summary: the open vote (its primary key), the payouts
	 * certified and not released, the last payout request.
	 */
	private static final String OFFICE_COLUMNS = """
			a.requested_payouts, a.paid_amount, a.proof_submitted_at,
			(SELECT o.procedure FROM open_vote o WHERE o.application_id = a.application_id) AS vote_procedure,
			(SELECT o.closes_at FROM open_vote o WHERE o.application_id = a.application_id) AS vote_closes_at,
			(SELECT SUM(p.amount) FROM pending_payout p WHERE p.application_id = a.application_id) AS pending_amount,
			(SELECT MIN(p.certified_at) FROM pending_payout p WHERE p.application_id = a.application_id)
			  AS pending_since,
			(SELECT MAX(g.occurred_at) FROM grant_payment g WHERE g.application_id = a.application_id
			  AND g.kind = 'REQUEST') AS last_request_at,""";

	private static ApplicationSummary.OfficeFacts officeFacts(ResultSet rs) throws SQLException {
		return new ApplicationSummary.OfficeFacts(instant(rs, "status_since"), rs.getString("vote_procedure"),
				instant(rs, "vote_closes_at"), money(rs, "requested_payouts"), money(rs, "paid_amount"),
				sum(rs, "pending_amount"), instant(rs, "pending_since"), instant(rs, "last_request_at"),
				instant(rs, "proof_submitted_at"), money(rs, "approved_amount"));
	}

	/** Null before an approval. */
	private static ApplicationSummary.GrantProgress grantProgress(ResultSet rs) throws SQLException {
		if (rs.getBigDecimal("approved_amount") == null) {
			return null;
		}
		return new ApplicationSummary.GrantProgress(rs.getBoolean("funds_reserved"), instant(rs, "notice_issued_at"),
				instant(rs, "notice_confirmed_at"), rs.getObject("spend_by", LocalDate.class),
				rs.getObject("proof_due_on", LocalDate.class));
	}

	@QueryHandler
	List<ApplicationId> handle(FindApplicationsWaitingInFundQuery query) {
		List<String> waiting = Arrays.stream(ApplicationStatus.values())
			.filter(ApplicationStatus::endsAtFundClosure)
			.map(Enum::name)
			.toList();
		return this.jdbc.query(
				"SELECT application_id FROM application_view WHERE fund_id = ? AND status IN ("
						+ String.join(", ", Collections.nCopies(waiting.size(), "?")) + ") ORDER BY application_id",
				(rs, i) -> new ApplicationId(rs.getString(1)),
				Stream.concat(Stream.of(query.fundId().value()), waiting.stream()).toArray());
	}

	@QueryHandler
	Optional<ApplicationDetail> handle(FindApplicationQuery query) {
		String id = query.applicationId().value();
		Instant now = Instant.now();
		List<StatusChange> history = this.jdbc.query("""
				SELECT status, occurred_at, actor, note, version FROM application_history
				WHERE application_id = ? ORDER BY sequence_number""",
				(rs, i) -> new StatusChange(ApplicationStatus.valueOf(rs.getString("status")),
						instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("note"), rs.getInt("version")),
				id);
		List<SubmittedVersion> versions = this.jdbc.query("""
				SELECT version, submitted_at, requested_amount FROM application_version
				WHERE application_id = ? ORDER BY version""", (rs, i) -> new SubmittedVersion(rs.getInt("version"),
				instant(rs, "submitted_at"), money(rs, "requested_amount")), id);
		return this.jdbc.query("""
				SELECT a.*, f.decision_body,""" + OrganisationNames.COLUMNS + """
				       , (SELECT COUNT(*) FROM application_view w
				        WHERE w.fund_id = a.fund_id AND w.waitlist_order <= a.waitlist_order) AS waitlist_position
				FROM application_view a JOIN fund_view f ON f.fund_id = a.fund_id""" + OrganisationNames.JOIN + """
				WHERE a.application_id = ? AND a.partnership_id = ?""", (rs, i) -> {
			ApplicationContent content = read(rs.getString("content_json"));
			Instant since = instant(rs, "status_since");
			return new ApplicationDetail(new ApplicationId(id), new PartnershipId(rs.getString("partnership_id")),
					new FundId(rs.getString("fund_id")), DecisionBodyType.valueOf(rs.getString("decision_body")),
					rs.getString("owner"), ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					instant(rs, "created_at"), instant(rs, "submitted_at"), since, days(since, now), content,
					content.totalCosts(), content.totalIncome(), content.coFinancingPercent(), history, versions,
					grant(rs), organisationId(rs),
					rs.getString("resolved_organisation_id") == null ? null : rs.getString("organisation_name"),
					earlyStart(id, content.startDate(), now));
		}, id, query.partnershipId().value()).stream().findFirst();

	}

	/** The organisation the application stands for now; null for old applications. */
	private static OrganisationId organisationId(ResultSet rs) throws SQLException {
		String id = rs.getString("resolved_organisation_id");
		return id == null ? null : new OrganisationId(id);
	}

	/**
	 * As the last approval recorded it (computed from its day for approvals recorded
	 * before it was), or compared with today before an approval.
	 */
	private ApplicationDetail.EarlyStart earlyStart(String id, LocalDate start, Instant now) {
		if (start == null) {
			return null;
		}
		List<ApplicationDetail.EarlyStart> approvals = this.jdbc.query("""
				SELECT starts_before_approval, early_start_approved, decided_at FROM decision_view
				WHERE application_id = ? AND outcome = 'APPROVED' ORDER BY sequence_number DESC""", (rs, i) -> {
			Boolean recorded = (Boolean) rs.getObject("starts_before_approval");
			boolean early = recorded != null ? recorded
					: start.isBefore(PartnershipCalendar.dayOf(instant(rs, "decided_at")));
			return new ApplicationDetail.EarlyStart(start, early, rs.getBoolean("early_start_approved"));
		}, id);
		return approvals.isEmpty()
				? new ApplicationDetail.EarlyStart(start, start.isBefore(PartnershipCalendar.dayOf(now)), null)
				: approvals.get(0);
	}

	private ApplicationDetail.Grant grant(ResultSet rs) throws SQLException {
		Money approved = money(rs, "approved_amount");
		if (approved == null) {
			return null;
		}
		String id = rs.getString("application_id");
		// the rank among the fund's waiting applications, first come first served
		rs.getLong("waitlist_order");
		Integer waitlistPosition = rs.wasNull() ? null : rs.getInt("waitlist_position");
		List<ApplicationDetail.Payment> payments = this.jdbc.query("""
				SELECT * FROM grant_payment WHERE application_id = ? ORDER BY sequence_number""",
				(p, i) -> new ApplicationDetail.Payment(p.getString("kind"), p.getString("payment_id"),
						money(p, "amount"), p.getString("purpose"), p.getObject("paid_on", LocalDate.class),
						p.getString("reference"), p.getObject("spend_by", LocalDate.class), instant(p, "occurred_at"),
						p.getString("actor"), p.getString("reverses_id"), p.getString("reason")),
				id);
		List<ApplicationDetail.PendingPayout> pending = this.jdbc.query("""
				SELECT * FROM pending_payout WHERE application_id = ? ORDER BY sequence_number""",
				(p, i) -> new ApplicationDetail.PendingPayout(p.getString("payout_id"), money(p, "amount"),
						p.getObject("paid_on", LocalDate.class), p.getString("reference"), p.getString("certified_by"),
						instant(p, "certified_at")),
				id);
		StoredProof proof = readProof(rs.getString("proof_json"));
		LocalDate today = RefundClaims.today();
		Optional<RefundClaim> refundClaim = this.refundClaims.of(new PartnershipId(rs.getString("partnership_id")),
				new ApplicationId(id), today);
		Money claim = refundClaim.map(RefundClaim::amount).orElse(money(rs, "refund_claim"));
		Money refunded = refundClaim.map(RefundClaim::refunded).orElse(money(rs, "refunded_amount"));
		Money outstanding = claim == null ? null : claim.minus(refunded);
		Instant proofSubmitted = instant(rs, "proof_submitted_at");
		Money unusedMoneyInterest = refundClaim.isPresent() ? refundClaim.get().unusedMoneyInterest()
				: this.refundClaims.unusedMoneyInterest(payouts(payments),
						proofSubmitted == null ? null : PartnershipCalendar.dayOf(proofSubmitted), today);
		return new ApplicationDetail.Grant(approved, rs.getString("conditions"), rs.getBoolean("funds_reserved"),
				waitlistPosition, rs.getString("notice_reference"), instant(rs, "notice_issued_at"),
				instant(rs, "notice_confirmed_at"), money(rs, "requested_payouts"), money(rs, "paid_amount"),
				rs.getObject("spend_by", LocalDate.class), rs.getObject("proof_due_on", LocalDate.class),
				rs.getBoolean("proof_overdue"), instant(rs, "proof_submitted_at"),
				proof == null ? null : proof.report(), proof == null ? List.of() : proof.receipts(),
				money(rs, "eligible_amount"), money(rs, "final_grant"), claim, refunded, outstanding,
				refundClaim.map(RefundClaim::interest).orElse(null), payments,
				refundClaim.map(RefundClaim::arisenOn).orElse(null), refundClaim.map(RefundClaim::dueOn).orElse(null),
				refundClaim.map(RefundClaim::overdue).orElse(null), refundClaim.map(RefundClaim::waived).orElse(null),
				unusedMoneyInterest, this.refundClaims.waived(unusedMoneyInterest), pending);
	}

	private static List<RefundClaims.Payout> payouts(List<ApplicationDetail.Payment> payments) {
		return payments.stream()
			.filter(payment -> "PAYOUT".equals(payment.kind()))
			.map(payment -> new RefundClaims.Payout(payment.amount(), payment.spendBy()))
			.toList();
	}

	/** Late spending and proofs of use, then refund claims past their due day. */
	@QueryHandler
	List<OverdueGrant> handle(FindOverdueGrantsQuery query) {
		List<OverdueGrant> overdue = new ArrayList<>(this.jdbc.query("""
				SELECT application_id, fund_id, title, organisation, proof_overdue, proof_due_on, spend_by
				FROM application_view
				WHERE partnership_id = ? AND status = 'APPROVED'
				  AND (proof_overdue OR (paid_amount > 0 AND spend_by < ? AND proof_submitted_at IS NULL))
				ORDER BY application_id""", (rs, i) -> {
			boolean proofLate = rs.getBoolean("proof_overdue");
			return new OverdueGrant(new ApplicationId(rs.getString("application_id")),
					new FundId(rs.getString("fund_id")), rs.getString("title"), rs.getString("organisation"),
					proofLate ? OverdueGrant.Reason.PROOF_OF_USE : OverdueGrant.Reason.SPENDING,
					proofLate ? rs.getObject("proof_due_on", LocalDate.class)
							: rs.getObject("spend_by", LocalDate.class));
		}, query.partnershipId().value(), query.today()));
		this.refundClaims.of(query.partnershipId(), query.today())
			.stream()
			.filter(RefundClaim::overdue)
			.map(claim -> new OverdueGrant(claim.applicationId(), claim.fundId(), claim.title(), claim.organisation(),
					OverdueGrant.Reason.REFUND_CLAIM, claim.dueOn(), claim.outstanding()))
			.forEach(overdue::add);
		return overdue;
	}

	private StoredProof readProof(String proof) {
		if (proof == null) {
			return null;
		}
		try {
			return this.json.readValue(proof, StoredProof.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable proof of use", ex);
		}
	}

	/** The proof of use as the projection keeps it. */
	record StoredProof(String report, List<Receipt> receipts) {
	}

	private ApplicationContent read(String content) {
		try {
			return this.json.readValue(content, ApplicationContent.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable application content", ex);
		}
	}

	private static long days(Instant since, Instant now) {
		return since == null ? 0 : Math.max(0, Duration.between(since, now).toDays());
	}

}
