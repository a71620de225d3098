package de.pfd.grants.server.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import de.pfd.grants.server.application.ApplicationResponse;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.grant.OverdueGrant;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The money of an approved grant: payout requests (applicant), payouts (staff), proof of
 * use (applicant), its review and settlement (staff), refunds (staff), and the overdue
 * list.
 */
@RestController
@Tag(name = "Grants", description = "Mittelabruf, Auszahlung, Verwendungsnachweis, Abrechnung, Rückzahlung")
@SecurityRequirement(name = "basic")
public class GrantController {

	/** A payout request; also the web page's input is checked by it. */
	public record PayoutRequestBody(@NotNull @EuroAmount BigDecimal amount,
			@MultiLine @Size(max = 2000) String purpose) {
	}

	public record PayoutBody(@NotNull @EuroAmount BigDecimal amount, @NotNull LocalDate paidOn,
			@Size(max = 200) String reference) {
	}

	public record ReceiptBody(@NotNull LocalDate date, @Size(max = 500) String description,
			@NotNull CostCategory category, @NotNull @Digits(integer = 9,
					fraction = 2) @DecimalMin("-" + Money.MAX_EUROS) @DecimalMax(Money.MAX_EUROS) BigDecimal amount) {
	}

	/** A proof of use; also the web page's input is checked by it. */
	public record ProofOfUseBody(@MultiLine @NotBlank @Size(max = 20000) String report,
			@NotEmpty @Size(max = 500) List<@Valid @NotNull ReceiptBody> receipts) {
	}

	public record ReviewBody(Outcome outcome,
			@Digits(integer = 9,
					fraction = 2) @DecimalMin("0.00") @DecimalMax(Money.MAX_EUROS) BigDecimal eligibleAmount,
			@MultiLine @Size(max = 4000) String note) {

		public enum Outcome {

			ACCEPTED, RETURNED

		}

	}

	public record CorrectionBody(
			@NotNull @Digits(integer = 9,
					fraction = 2) @DecimalMin("0.00") @DecimalMax(Money.MAX_EUROS) BigDecimal eligibleAmount,
			@MultiLine @Size(max = 4000) String reason) {
	}

	/** A reason: of a cancellation or a reversal. */
	public record CancellationBody(@MultiLine @Size(max = 4000) String reason) {
	}

	public record RefundBody(@NotNull @EuroAmount BigDecimal amount, @NotNull LocalDate receivedOn,
			@Size(max = 200) String reference) {
	}

	private final GrantUseCases grants;

	private final GrantNoticePdf noticePdf;

	GrantController(GrantUseCases grants, GrantNoticePdf noticePdf) {
		this.grants = grants;
		this.noticePdf = noticePdf;
	}

	@GetMapping("/api/applications/{id}/notice")
	@Operation(summary = "The grant notice (Zuwendungsbescheid / Weiterleitungsvertrag) as PDF/A-3b: amount, period, "
			+ "conditions, spending and proof-of-use periods, ANBest-P; for whoever may read the application, "
			+ "409 WRONG_STATUS before it is issued")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.noticePdf.download(this.grants.notice(user, id));
	}

	@PostMapping("/api/applications/{id}/payout-requests")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Request a payout (Mittelabruf): at most approved minus already requested")
	ApplicationResponse requestPayout(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody PayoutRequestBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return ApplicationResponse
			.of(this.grants.requestPayout(user, id, Money.of(body.amount()), body.purpose(), idempotencyKey));
	}

	/** The application as after any change, and the id of the payout certified. */
	record PayoutResponse(@JsonUnwrapped ApplicationResponse application, String payoutId) {
	}

	@PostMapping("/api/applications/{id}/payouts")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Certify a payout (sachlich und rechnerisch richtig): at most what the open requests cover "
			+ "(requested - paid - certified); with four eyes (default) it waits in grant.pendingPayouts for another "
			+ "staff member's release, without it the fund books it at once; answers the application and payoutId")
	PayoutResponse recordPayout(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody PayoutBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		GrantUseCases.PayoutAnswer answer = this.grants.recordPayout(user, id, Money.of(body.amount()), body.paidOn(),
				body.reference(), idempotencyKey);
		return new PayoutResponse(ApplicationResponse.of(answer.application()), answer.payoutId());
	}

	@PostMapping("/api/applications/{id}/payouts/{payoutId}/release")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Release a certified payout (another staff member than the one who certified it): booked by "
			+ "the fund first; to be spent within the fund's weeks (default 6)")
	ApplicationResponse releasePayout(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String payoutId) {
		return ApplicationResponse.of(this.grants.releasePayout(user, id, payoutId));
	}

	@PostMapping("/api/applications/{id}/proof-of-use")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Submit the proof of use: narrative report and receipts (income as negative amounts)")
	ApplicationResponse submitProof(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody ProofOfUseBody body) {
		List<Receipt> receipts = body.receipts()
			.stream()
			.map(r -> new Receipt(r.date(), r.description() == null ? null : r.description().strip(), r.category(),
					Money.of(r.amount())))
			.toList();
		return ApplicationResponse.of(this.grants.submitProofOfUse(user, id, body.report(), receipts));
	}

	@PostMapping("/api/applications/{id}/proof-of-use/review")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Accept the proof with the eligible amount (settlement: the rest returns to the fund, an "
			+ "overpayment becomes a refund claim) or return it for correction with a note")
	ApplicationResponse review(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody ReviewBody body) {
		boolean accept = body.outcome() != ReviewBody.Outcome.RETURNED;
		if (accept && body.eligibleAmount() == null) {
			throw ApiException.badInput("eligibleAmount", "Förderfähiger Betrag fehlt / eligibleAmount is required");
		}
		return ApplicationResponse.of(this.grants.reviewProofOfUse(user, id, accept,
				body.eligibleAmount() == null ? null : Money.of(body.eligibleAmount()), body.note()));
	}

	@PostMapping("/api/applications/{id}/proof-of-use/review/correction")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Correct the accepted review with a reason until the grant is settled: the final grant, the "
			+ "refund claim and the fund's reservation follow the corrected eligible amount")
	ApplicationResponse correctReview(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody CorrectionBody body) {
		return ApplicationResponse
			.of(this.grants.correctReview(user, id, Money.of(body.eligibleAmount()), body.reason()));
	}

	@PostMapping("/api/applications/{id}/cancellation")
	@PreAuthorize("hasAnyRole('APPLICANT', 'STAFF')")
	@Operation(summary = "Cancel the project of an approved grant before its settlement (its applicant or staff), "
			+ "with a reason: the reserved money not paid out goes back to the fund, all money paid becomes a "
			+ "refund claim; refunds are recorded against it and released by the fund as they arrive")
	ApplicationResponse cancel(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody CancellationBody body) {
		return ApplicationResponse.of(this.grants.cancel(user, id, body.reason()));
	}

	@PostMapping("/api/applications/{id}/payouts/{payoutId}/reversal")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Reverse a wrongly recorded payout of a running grant by a compensating booking (a negative "
			+ "payout naming the original), with a reason; a booking is reversed once")
	ApplicationResponse reversePayout(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String payoutId, @Valid @RequestBody CancellationBody body) {
		return ApplicationResponse.of(this.grants.reverse(user, id, false, payoutId, body.reason()));
	}

	@PostMapping("/api/applications/{id}/refunds/{refundId}/reversal")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Reverse a wrongly recorded refund of an open claim by a compensating booking (a negative "
			+ "refund naming the original; its money is reserved again), with a reason; a booking is reversed once")
	ApplicationResponse reverseRefund(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String refundId, @Valid @RequestBody CancellationBody body) {
		return ApplicationResponse.of(this.grants.reverse(user, id, true, refundId, body.reason()));
	}

	@PostMapping("/api/applications/{id}/refunds")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Record money paid back on a refund claim (with the bank's reference, optional), booked by "
			+ "the fund first; fully repaid, the grant is settled")
	ApplicationResponse refund(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@Valid @RequestBody RefundBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		return ApplicationResponse.of(this.grants.recordRefund(user, id, Money.of(body.amount()), body.receivedOn(),
				body.reference(), idempotencyKey));
	}

	@GetMapping("/api/grants/overdue")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Grants whose paid-out money is not accounted for in time, or whose proof of use is late")
	List<OverdueGrant> overdue(@AuthenticationPrincipal GrantsUser user) {
		return this.grants.overdue(user);
	}

}
