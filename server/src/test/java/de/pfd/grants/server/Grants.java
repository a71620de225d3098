package de.pfd.grants.server;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Grants over HTTP for the API tests: the grant notice, payouts, and the bodies of the
 * money endpoints.
 */
public final class Grants {

	private final Api api;

	private final Applications applications;

	public Grants(Api api) {
		this.api = api;
		this.applications = new Applications(api);
	}

	/**
	 * Approved with the amount on the fast track, the grant notice issued with the
	 * reference and confirmed by the applicant.
	 */
	public String confirmed(String applicant, String body, String amount, String reference) {
		String id = this.applications.approved(applicant, body, amount);
		issueNotice(id, reference);
		JsonNode confirmed = ok(this.api.post(applicant, Api.noticeConfirmation(id), null));
		assertThat(Json.text(confirmed.get("grant"), "noticeConfirmedAt")).isNotNull();
		return id;
	}

	/** The grant notice, issued by staff: the application as it is then. */
	public JsonNode issueNotice(String id, String reference) {
		return ok(this.api.post("staff", Api.grantNotice(id), "{\"reference\":\"" + reference + "\"}"));
	}

	/** A payout request of the amount by the applicant and its payout today. */
	public void payOut(String applicant, String id, String amount) {
		ok(this.api.post(applicant, Api.payoutRequests(id), "{\"amount\":" + amount + "}"));
		payOutWithFourEyes(id, payout(amount, LocalDate.now(PartnershipCalendar.ZONE), null));
	}

	/**
	 * A payout with four eyes: certified by {@code staff}, released by {@code staff2};
	 * the application after the release.
	 */
	public JsonNode payOutWithFourEyes(String id, String payoutBody) {
		return payOutWithFourEyes(id, payoutBody, null);
	}

	/**
	 * As {@link #payOutWithFourEyes(String, String)}, certified with an Idempotency-Key.
	 */
	public JsonNode payOutWithFourEyes(String id, String payoutBody, String idempotencyKey) {
		JsonNode certified = ok(this.api.post("staff", Api.payouts(id), payoutBody, idempotencyKey));
		assertThat(Json.text(certified, "payoutId")).isNotNull();
		return ok(this.api.post("staff2", Api.payoutRelease(id, certified.get("payoutId").asText()), null));
	}

	/** A payout's body; the reference may be null. */
	public static String payout(String amount, LocalDate paidOn, String reference) {
		return "{\"amount\":" + amount + ",\"paidOn\":\"" + paidOn + "\""
				+ (reference == null ? "" : ",\"reference\":\"" + reference + "\"") + "}";
	}

	/** A refund's body. */
	public static String refund(String amount, LocalDate receivedOn) {
		return "{\"amount\":" + amount + ",\"receivedOn\":\"" + receivedOn + "\"}";
	}

	/**
	 * A proof of use of 900.00 of costs and 200.00 of income (a negative line): 700.00
	 * net.
	 */
	public static String proof(int year) {
		return """
				{"report":"Drei Workshops mit 45 Jugendlichen.",
				 "receipts":[
				   {"date":"%1$d-05-10","description":"Honorar Referentin","category":"FEES","amount":600.00},
				   {"date":"%1$d-05-12","description":"Moderationsmaterial","category":"MATERIAL","amount":200.00},
				   {"date":"%1$d-05-20","description":"Flyer","category":"PUBLIC_RELATIONS","amount":100.00},
				   {"date":"%1$d-06-01","description":"Teilnahmebeiträge","category":"OTHER","amount":-200.00}]}"""
			.formatted(year);
	}

}
