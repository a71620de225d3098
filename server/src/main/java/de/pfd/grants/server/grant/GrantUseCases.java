package de.pfd.grants.server.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.grant.CancelGrantCommand;
import de.pfd.grants.shared.grant.CorrectProofOfUseReviewCommand;
import de.pfd.grants.shared.grant.FindOverdueGrantsQuery;
import de.pfd.grants.shared.grant.FindRefundClaimsQuery;
import de.pfd.grants.shared.grant.OverdueGrant;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.grant.ReleasePayoutCommand;
import de.pfd.grants.shared.grant.ReversePaymentCommand;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipView;

/**
 * The use cases of an approved grant's money: payout requests, payouts, proof of use and
 * its review, refunds, and the overdue list. The fund books every payout and refund
 * itself; the idempotency key of a request names one operation on one application.
 */
@Service
public class GrantUseCases {

	private final ApplicationUseCases applications;

	private final QueryGateway queries;

	private final AccessPolicy access;

	private final IdempotencyKeys idempotency;

	GrantUseCases(ApplicationUseCases applications, QueryGateway queries, AccessPolicy access,
			IdempotencyKeys idempotency) {
		this.idempotency = idempotency;
		this.applications = applications;
		this.queries = queries;
		this.access = access;
	}

	public ApplicationDetail requestPayout(GrantsUser user, String id, Money amount, String purpose,
			String idempotencyKey) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new RequestPayoutCommand(
						application.id(), user.username(), this.idempotency.claim(user,
								"payout-request:" + application.id(), idempotencyKey, amount, purpose),
						amount, purpose));
	}

	/** The application after a payout, and the payout's id. */
	public record PayoutAnswer(ApplicationDetail application, String payoutId) {
	}

	/**
	 * Certifies a payout ("sachlich und rechnerisch richtig"): with four eyes (the
	 * partnership's default) it waits for another staff member's release; without, the
	 * fund books it at once.
	 */
	public PayoutAnswer recordPayout(GrantsUser user, String id, Money amount, LocalDate paidOn, String reference,
			String idempotencyKey) {
		ApplicationDetail application = this.access.application(user, id);
		String payoutId = this.idempotency.claim(user, "payout:" + application.id(), idempotencyKey, amount, paidOn,
				reference);
		return new PayoutAnswer(this.applications.change(user, application,
				new RecordPayoutCommand(application.id(), payoutId, amount, paidOn, reference, user.username())),
				payoutId);
	}

	/**
	 * Releases a certified payout (another staff member than the one who certified it):
	 * the fund books it.
	 */
	public ApplicationDetail releasePayout(GrantsUser user, String id, String payoutId) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new ReleasePayoutCommand(application.id(), payoutId, user.username()));
	}

	public ApplicationDetail submitProofOfUse(GrantsUser user, String id, String report, List<Receipt> receipts) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new SubmitProofOfUseCommand(application.id(), user.username(), report, receipts));
	}

	/**
	 * Accept with the eligible amount (settlement), or return for correction with a note.
	 */
	public ApplicationDetail reviewProofOfUse(GrantsUser user, String id, boolean accept, Money eligibleAmount,
			String note) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new ReviewProofOfUseCommand(application.id(), accept, eligibleAmount, note));
	}

	/** Corrects the accepted review with a reason, until the grant is settled. */
	public ApplicationDetail correctReview(GrantsUser user, String id, Money eligibleAmount, String reason) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new CorrectProofOfUseReviewCommand(application.id(), eligibleAmount, reason));
	}

	/**
	 * Cancels the project of an approved grant (its owner, or staff) with a reason: the
	 * unpaid money goes back to the fund, the money paid is claimed back.
	 */
	public ApplicationDetail cancel(GrantsUser user, String id, String reason) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new CancelGrantCommand(application.id(), user.username(), user.role() == Role.STAFF, reason));
	}

	/**
	 * Reverses a wrongly recorded payout or refund by a compensating booking, with a
	 * reason.
	 */
	public ApplicationDetail reverse(GrantsUser user, String id, boolean refund, String paymentId, String reason) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new ReversePaymentCommand(application.id(), refund, paymentId, reason));
	}

	public ApplicationDetail recordRefund(GrantsUser user, String id, Money amount, LocalDate receivedOn,
			String idempotencyKey) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new RecordRefundCommand(application.id(),
						this.idempotency.claim(user, "refund:" + application.id(), idempotencyKey, amount, receivedOn),
						amount, receivedOn));
	}

	/**
	 * Late spending, late proofs of use and refund claims past their due day, as of today
	 * in the partnership's calendar.
	 */
	public List<OverdueGrant> overdue(GrantsUser user) {
		return this.queries
			.query(new FindOverdueGrantsQuery(user.partnershipId(), PartnershipCalendar.dayOf(Instant.now())),
					ResponseTypes.multipleInstancesOf(OverdueGrant.class))
			.join();
	}

	/** The partnership's refund claims (only the overdue ones if asked), oldest first. */
	public List<RefundClaim> refundClaims(GrantsUser user, boolean overdueOnly) {
		return this.queries
			.query(new FindRefundClaimsQuery(user.partnershipId(), overdueOnly),
					ResponseTypes.multipleInstancesOf(RefundClaim.class))
			.join();
	}

	/**
	 * The refund claims of one application the user may see (as the refund-claim query
	 * finds them for the office), oldest first; none for an application without one.
	 */
	public List<RefundClaim> refundClaims(GrantsUser user, ApplicationDetail application) {
		ApplicationDetail visible = this.access.application(user, application.id().value());
		return this.queries
			.query(new FindRefundClaimsQuery(user.partnershipId(), false, visible.id()),
					ResponseTypes.multipleInstancesOf(RefundClaim.class))
			.join();
	}

	/**
	 * What the grant notice (Zuwendungsbescheid / Weiterleitungsvertrag) of an
	 * application states: the application with its grant, its fund (the spending and
	 * proof-of-use periods) and the partnership's name.
	 */
	public record GrantNotice(ApplicationDetail application, FundBudget fund, String partnershipName) {
	}

	/**
	 * The grant notice of an application the user may see (404 otherwise); 409
	 * {@code WRONG_STATUS} while no notice is issued.
	 */
	public GrantNotice notice(GrantsUser user, String id) {
		// the notice names the applicant's contact and address: a document of the grant
		// file, which members of the deciding body do not see
		ApplicationDetail application = this.access.documentsOf(user, id);
		if (application.grant() == null || application.grant().noticeIssuedAt() == null) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.WRONG_STATUS,
					"Der Zuwendungsbescheid ist noch nicht erlassen / the grant notice has not been issued yet", null);
		}
		FundBudget fund = this.access.fund(user, application.fundId().value(), null);
		String partnership = this.queries
			.query(new FindPartnershipsQuery(), ResponseTypes.multipleInstancesOf(PartnershipView.class))
			.join()
			.stream()
			.filter(p -> p.id().equals(application.partnershipId()))
			.map(PartnershipView::name)
			.findFirst()
			.orElse(application.partnershipId().value());
		return new GrantNotice(application, fund, partnership);
	}

	/**
	 * The grant notice as it would be issued now, for staff to look at before issuing it
	 * (a draft: no date, no reference yet); once issued, or for anyone else, the notice
	 * as {@link #notice} gives it.
	 */
	public GrantNotice noticePreview(GrantsUser user, String id) {
		ApplicationDetail application = this.access.application(user, id);
		if (user.role() != Role.STAFF || application.grant() == null || application.grant().noticeIssuedAt() != null) {
			return notice(user, id);
		}
		FundBudget fund = this.access.fund(user, application.fundId().value(), null);
		String partnership = this.queries
			.query(new FindPartnershipsQuery(), ResponseTypes.multipleInstancesOf(PartnershipView.class))
			.join()
			.stream()
			.filter(p -> p.id().equals(application.partnershipId()))
			.map(PartnershipView::name)
			.findFirst()
			.orElse(application.partnershipId().value());
		return new GrantNotice(application, fund, partnership);
	}

	/**
	 * Books money paid back on a refund claim with the bank's reference of the transfer
	 * (optional); the idempotency key names one booking.
	 */
	public ApplicationDetail recordRefund(GrantsUser user, String id, Money amount, LocalDate receivedOn,
			String reference, String idempotencyKey) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new RecordRefundCommand(application.id(), this.idempotency.claim(user, "refund:" + application.id(),
						idempotencyKey, amount, receivedOn, reference), amount, receivedOn, reference));
	}

}
