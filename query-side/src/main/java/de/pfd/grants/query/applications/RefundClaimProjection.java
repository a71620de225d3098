package de.pfd.grants.query.applications;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The refund claims, one per grant, with the day each arose: a settlement that paid too
 * much arises on the day of the review, a cancellation on its {@code cancelledOn}. In the
 * processing group of the applications, so that a read of the application after a write
 * sees its claim. Inserted once: replay-safe.
 */
@Component
@ProcessingGroup(ApplicationProjection.GROUP)
class RefundClaimProjection {

	private final JdbcTemplate jdbc;

	RefundClaimProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(ProofOfUseAccepted event, @Timestamp Instant at) {
		claim(event.applicationId(), event.fundId(), RefundClaim.Kind.SETTLEMENT, event.refundDue(),
				PartnershipCalendar.dayOf(at), at);
	}

	@EventHandler
	void on(GrantCancelled event, @Timestamp Instant at) {
		claim(event.applicationId(), event.fundId(), RefundClaim.Kind.CANCELLATION, event.refundDue(),
				event.cancelledOn() == null ? PartnershipCalendar.dayOf(at) : event.cancelledOn(), at);
	}

	/**
	 * A corrected review changes the claim: its amount follows the corrected
	 * {@code refundDue} (a claim that arises by the correction arises on its day; one
	 * that falls to zero is no claim any more).
	 */
	@EventHandler
	void on(ProofOfUseReviewCorrected event, @Timestamp Instant at) {
		Money due = event.refundDue() == null ? Money.ZERO : event.refundDue();
		if (!due.isPositive()) {
			this.jdbc.update("DELETE FROM refund_claim WHERE application_id = ?", event.applicationId().value());
			return;
		}
		int updated = this.jdbc.update("UPDATE refund_claim SET amount = ? WHERE application_id = ?", due.amount(),
				event.applicationId().value());
		if (updated == 0) {
			claim(event.applicationId(), event.fundId(), RefundClaim.Kind.SETTLEMENT, due,
					PartnershipCalendar.dayOf(at), at);
		}
	}

	private void claim(ApplicationId application, FundId fund, RefundClaim.Kind kind, Money amount, LocalDate arisenOn,
			Instant at) {
		if (amount == null || !amount.isPositive()) {
			return;
		}
		this.jdbc.update("""
				INSERT INTO refund_claim (application_id, fund_id, kind, amount, arisen_on, arisen_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", application.value(), fund.value(), kind.name(), amount.amount(), arisenOn,
				utc(at));
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM refund_claim");
	}

}
