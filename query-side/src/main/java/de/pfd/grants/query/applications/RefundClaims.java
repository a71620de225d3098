package de.pfd.grants.query.applications;

import static de.pfd.grants.query.readmodel.Columns.instant;
import static de.pfd.grants.query.readmodel.Columns.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.FindRefundClaimsQuery;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The refund claims as they stand today, and the interest of a grant: the one home of the
 * due day (the day the claim arose plus {@code grants.refund-claims.due-weeks}, default
 * 4), of the interest under § 49a VwVfG (on the claim, and under § 49a(4) on money not
 * used within the spending period) with the base rates as data, and of the small-amount
 * limit ({@code grants.interest.small-amount-limit}, default 25.00) below which interest
 * is shown as waived.
 */
@Component
public class RefundClaims {

	private final JdbcTemplate jdbc;

	private final int dueWeeks;

	private final Money smallAmountLimit;

	private final BaseRates rates;

	RefundClaims(JdbcTemplate jdbc, @Value("${grants.refund-claims.due-weeks:4}") int dueWeeks,
			@Value("${grants.interest.small-amount-limit:25.00}") BigDecimal smallAmountLimit,
			@Value("${grants.interest.base-rates:}") String configuredBaseRates) {
		if (dueWeeks < 0) {
			throw new IllegalArgumentException("grants.refund-claims.due-weeks must not be negative");
		}
		this.jdbc = jdbc;
		this.dueWeeks = dueWeeks;
		this.smallAmountLimit = Money.of(smallAmountLimit);
		this.rates = BaseRates.published(configuredBaseRates);
	}

	@QueryHandler
	List<RefundClaim> handle(FindRefundClaimsQuery query) {
		List<RefundClaim> claims = find(query.partnershipId(), query.applicationId(), today());
		return query.overdueOnly() ? claims.stream().filter(RefundClaim::overdue).toList() : claims;
	}

	/** The partnership's claims as they stand on {@code today}. */
	public List<RefundClaim> of(PartnershipId partnership, LocalDate today) {
		return find(partnership, null, today);
	}

	/** The claim of an application of the partnership, if it has one. */
	public Optional<RefundClaim> of(PartnershipId partnership, ApplicationId application, LocalDate today) {
		return find(partnership, application, today).stream().findFirst();
	}

	/**
	 * Interest under § 49a(4) VwVfG on each payout not used within its spending period:
	 * from its {@code spendBy} until the money was accounted for ({@code accountedOn},
	 * else today).
	 */
	public Money unusedMoneyInterest(List<Payout> payouts, LocalDate accountedOn, LocalDate today) {
		LocalDate until = accountedOn == null ? today : accountedOn;
		Money total = Money.ZERO;
		for (Payout payout : payouts) {
			if (payout.spendBy() != null) {
				total = total.plus(InterestRules.interest(payout.amount(), payout.spendBy(), until, this.rates));
			}
		}
		return total;
	}

	/** Interest below the small-amount limit is not claimed. */
	public boolean waived(Money interest) {
		return InterestRules.waived(interest, this.smallAmountLimit);
	}

	/** A payout with the day its money had to be spent by. */
	public record Payout(Money amount, LocalDate spendBy) {
	}

	/** A refund with its value date. */
	private record Refund(Money amount, LocalDate receivedOn) {
	}

	private List<RefundClaim> find(PartnershipId partnership, ApplicationId application, LocalDate today) {
		List<Object> args = new ArrayList<>(List.of(partnership.value()));
		String oneApplication = "";
		if (application != null) {
			oneApplication = " AND c.application_id = ?";
			args.add(application.value());
		}
		Map<String, List<Payout>> payouts = new HashMap<>();
		Map<String, List<Refund>> refunds = new HashMap<>();
		this.jdbc.query("""
				SELECT p.application_id, p.kind, p.amount, p.paid_on, p.spend_by
				FROM grant_payment p
				JOIN refund_claim c ON c.application_id = p.application_id
				JOIN application_view a ON a.application_id = c.application_id
				WHERE a.partnership_id = ? AND p.kind IN ('PAYOUT', 'REFUND')
				  -- a payout or refund reversed by a compensating booking counts as never made
				  AND NOT EXISTS (SELECT 1 FROM grant_payment r WHERE r.application_id = p.application_id
				                  AND r.kind = p.kind || '_REVERSAL' AND r.reverses_id = p.payment_id)"""
				+ oneApplication + " ORDER BY p.application_id, p.sequence_number", rs -> {
					String id = rs.getString("application_id");
					Money amount = money(rs, "amount");
					LocalDate date = rs.getObject("paid_on", LocalDate.class);
					if ("PAYOUT".equals(rs.getString("kind"))) {
						payouts.computeIfAbsent(id, k -> new ArrayList<>())
							.add(new Payout(amount, rs.getObject("spend_by", LocalDate.class)));
					}
					else {
						refunds.computeIfAbsent(id, k -> new ArrayList<>()).add(new Refund(amount, date));
					}
				}, args.toArray());
		return this.jdbc.query("""
				SELECT c.application_id, c.fund_id, c.kind, c.amount, c.arisen_on, a.title, a.organisation,
				       a.proof_submitted_at
				FROM refund_claim c JOIN application_view a ON a.application_id = c.application_id
				WHERE a.partnership_id = ?""" + oneApplication + " ORDER BY c.arisen_on, c.application_id", (rs, i) -> {
			String id = rs.getString("application_id");
			RefundClaim.Kind kind = RefundClaim.Kind.valueOf(rs.getString("kind"));
			LocalDate arisenOn = rs.getObject("arisen_on", LocalDate.class);
			Instant proofSubmitted = instant(rs, "proof_submitted_at");
			LocalDate accountedOn = proofSubmitted != null ? PartnershipCalendar.dayOf(proofSubmitted)
					: kind == RefundClaim.Kind.CANCELLATION ? arisenOn : null;
			return claim(new ApplicationId(id), new FundId(rs.getString("fund_id")), rs.getString("title"),
					rs.getString("organisation"), kind, money(rs, "amount"), arisenOn,
					refunds.getOrDefault(id, List.of()),
					unusedMoneyInterest(payouts.getOrDefault(id, List.of()), accountedOn, today), today);
		}, args.toArray());
	}

	/**
	 * Interest from the day the claim arose: on each refund until its value date, on the
	 * rest until today.
	 */
	private RefundClaim claim(ApplicationId application, FundId fund, String title, String organisation,
			RefundClaim.Kind kind, Money amount, LocalDate arisenOn, List<Refund> refunds, Money unusedMoneyInterest,
			LocalDate today) {
		Money refunded = Money.ZERO;
		Money interest = Money.ZERO;
		for (Refund refund : refunds) {
			refunded = refunded.plus(refund.amount());
			interest = interest
				.plus(InterestRules.interest(refund.amount(), arisenOn, refund.receivedOn(), this.rates));
		}
		Money outstanding = amount.minus(refunded);
		if (outstanding.isNegative()) {
			outstanding = Money.ZERO;
		}
		interest = interest.plus(InterestRules.interest(outstanding, arisenOn, today, this.rates));
		LocalDate dueOn = arisenOn.plusWeeks(this.dueWeeks);
		return new RefundClaim(application, fund, title, organisation, kind, amount, refunded, outstanding, arisenOn,
				dueOn, outstanding.isPositive() && today.isAfter(dueOn), interest, waived(interest),
				unusedMoneyInterest, waived(unusedMoneyInterest));
	}

	/** Today in the partnership's calendar. */
	public static LocalDate today() {
		return PartnershipCalendar.dayOf(Instant.now());
	}

}
