package de.pfd.grants.server.workspace.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * The staff's money pages of one application over HTTP, without JavaScript: who may open
 * them (staff only; another partnership's application is 404), and each action with its
 * refusals (at the field, in German, HTTP 422, nothing booked) and its success
 * (Post/Redirect/Get): the notice previewed and issued, a payout certified and released
 * by another person (the same one refused), reversed with a reason; a proof of use
 * returned, accepted and corrected; a refund booked and reversed; a project cancelled.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MoneyPagesTest extends ApiTestSupport {

	private static final List<String> PAGES = List.of("bescheid", "auszahlungen", "verwendungsnachweis",
			"rueckzahlungen", "korrektur");

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	CommandGateway commands;

	private TestAccounts accounts;

	private int year;

	private String fund;

	@BeforeEach
	void aFund() {
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
		this.year = TestYears.next("ACTION_FUND");
		this.fund = this.funds.open("ACTION_FUND", this.year, "20000.00", "5000.00", "1000.00");
	}

	@Test
	void only_staff_of_the_partnership_open_the_money_pages() {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(this.fund, this.year), "900.00");
		PartnershipId other = new PartnershipId("money-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(other, "Partnerschaft " + other));
		String foreignStaff = this.accounts.create(Role.STAFF, other);
		for (String page : PAGES) {
			String path = "/bearbeitung/" + id + "/" + page;
			Api.Response staff = this.api.get("staff", path);
			assertThat(staff.status()).as(path).isEqualTo(200);
			assertThat(staff.body()).as(path).contains("href=\"/bearbeitung/" + id + "\"", "<h1");
			assertThat(this.api.get("auditor", path).status()).as(path).isEqualTo(403);
			assertThat(this.api.get("board1", path).status()).as(path).isEqualTo(403);
			assertThat(this.api.get(applicant, path).status()).as(path).isEqualTo(403);
			assertThat(this.api.get(foreignStaff, path).status()).as(path).isEqualTo(404);
			assertThat(this.api.get("staff", "/bearbeitung/" + de.pfd.grants.server.Applications.UNKNOWN + "/" + page)
				.status()).isEqualTo(404);
		}
		assertThat(this.api.download(applicant, "/bearbeitung/" + id + "/bescheid/vorschau.pdf").status())
			.isEqualTo(403);
		assertThat(this.api.download(foreignStaff, "/bearbeitung/" + id + "/bescheid/vorschau.pdf").status())
			.isEqualTo(404);
	}

	@Test
	void staff_preview_the_notice_as_a_draft_and_issue_it_with_a_reference() throws Exception {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.applications.approved(applicant, Drafts.complete(this.fund, this.year), "900.00");
		String page = "/bearbeitung/" + id + "/bescheid";
		StaffForms staff = new StaffForms(this.port, "staff");

		String before = staff.get(page).body();
		assertThat(before).contains("<h1 class=\"kern-heading-large\">Zuwendungsbescheid</h1>")
			.contains("href=\"" + page + "/vorschau.pdf\"")
			.contains("900,00\u00a0€");
		HttpResponse<byte[]> preview = staff.bytes(page + "/vorschau.pdf");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
		assertThat(new String(preview.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		assertThat(pdfText(preview.body())).contains("ENTWURF", "Demokratiewerkstatt", "900,00");
		// the applicant sees no notice before it is issued
		assertThat(this.api.download(applicant, "/antraege/" + id + "/bescheid.pdf").status()).isEqualTo(409);

		HttpResponse<String> tooLong = staff.post(page, "aktenzeichen", "Z".repeat(201));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("id=\"notice-reference-error\"")
			.contains("href=\"#notice-reference\"")
			.contains("value=\"" + "Z".repeat(201) + "\"");
		assertThat(this.applications.get("staff", id).get("grant").get("noticeIssuedAt").isNull()).isTrue();

		HttpResponse<String> issued = staff.post(page, "aktenzeichen", "ZB-" + this.year + "-14");
		assertThat(issued.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(issued)).endsWith(page + "?erlassen");
		String after = staff.get(page + "?erlassen").body();
		assertThat(after).contains("id=\"erfolg\"")
			.contains("Der Zuwendungsbescheid ist erlassen")
			.contains("ZB-" + this.year + "-14")
			.contains("noch nicht bestätigt")
			.contains("href=\"/antraege/" + id + "/bescheid.pdf\"")
			.doesNotContain("id=\"bescheid-erlassen\"");
		Api.Download notice = this.api.download(applicant, "/antraege/" + id + "/bescheid.pdf");
		assertThat(notice.status()).isEqualTo(200);
		assertThat(pdfText(notice.body())).contains("ZB-" + this.year + "-14").doesNotContain("ENTWURF");

		// issued twice: the domain refuses, in German
		HttpResponse<String> again = staff.post(page, "aktenzeichen", "ZB-2");
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("id=\"notice-issue-error\"")
			.contains("Das geht im jetzigen Stand des Antrags nicht");
		assertThat(this.applications.get("staff", id).get("grant").get("noticeReference").asText())
			.isEqualTo("ZB-" + this.year + "-14");

		Api.ok(this.api.post(applicant, Api.noticeConfirmation(id), null));
		assertThat(staff.get(page).body()).contains("bestätigt am");
	}

	@Test
	void a_payout_is_certified_by_one_and_released_by_another_and_reversed_with_a_reason() {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(this.fund, this.year), "900.00", "ZB-1");
		Api.ok(this.api.post(applicant, Api.payoutRequests(id), "{\"amount\":400.00,\"purpose\":\"Honorare\"}"));
		String page = "/bearbeitung/" + id + "/auszahlungen";
		StaffForms staff = new StaffForms(this.port, "staff");
		String today = LocalDate.now(PartnershipCalendar.ZONE).toString();

		assertThat(staff.get(page).body()).contains("<h1 class=\"kern-heading-large\">Auszahlungen</h1>")
			.contains("id=\"abruf-tabelle\"")
			.contains("Honorare")
			.contains("400,00\u00a0€");
		HttpResponse<String> noDate = staff.post(page, "betrag", "400,00", "wertstellung", "");
		assertThat(noDate.statusCode()).isEqualTo(422);
		assertThat(noDate.body()).contains("id=\"payout-paidOn-error\"").contains("value=\"400,00\"");
		HttpResponse<String> notAnAmount = staff.post(page, "betrag", "viel", "wertstellung", today);
		assertThat(notAnAmount.statusCode()).isEqualTo(422);
		assertThat(notAnAmount.body()).contains("id=\"payout-amount-error\"").contains("Bitte einen Betrag über 0");
		HttpResponse<String> tooMuch = staff.post(page, "betrag", "500,00", "wertstellung", today);
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("id=\"payout-amount-error\"").contains("sind abgerufen");
		HttpResponse<String> future = staff.post(page, "betrag", "400,00", "wertstellung",
				LocalDate.now(PartnershipCalendar.ZONE).plusDays(3).toString());
		assertThat(future.statusCode()).isEqualTo(422);
		assertThat(future.body()).contains("id=\"payout-paidOn-error\"").contains("nicht in der Zukunft");
		HttpResponse<String> longReference = staff.post(page, "betrag", "400,00", "wertstellung", today, "referenz",
				"R".repeat(201));
		assertThat(longReference.statusCode()).isEqualTo(422);
		assertThat(longReference.body()).contains("id=\"payout-reference-error\"");
		assertThat(this.applications.get("staff", id).get("grant").get("pendingPayouts")).isEmpty();

		HttpResponse<String> certified = staff.post(page, "betrag", "400,00", "wertstellung", today, "referenz",
				"BANK-77", "schluessel", "k-" + id);
		assertThat(certified.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(certified)).endsWith(page + "?bestaetigt");
		JsonNode pending = this.applications.get("staff", id).get("grant").get("pendingPayouts");
		assertThat(pending).hasSize(1);
		String payoutId = pending.get(0).get("payoutId").asText();
		assertThat(staff.get(page + "?bestaetigt").body()).contains("bestätigt von staff am")
			.contains("BANK-77")
			.contains("Eine andere Person muss sie jetzt freigeben");

		// four eyes: the person who certified may not release it
		HttpResponse<String> same = staff.post(page + "/" + payoutId + "/freigabe");
		assertThat(same.statusCode()).isEqualTo(422);
		assertThat(same.body()).contains("id=\"release-0-error\"")
			.contains("Vier-Augen-Prinzip")
			.contains("href=\"#release-0\"");
		assertThat(this.applications.get("staff", id).get("grant").get("paid").decimalValue())
			.isEqualByComparingTo("0");

		StaffForms second = new StaffForms(this.port, "staff2");
		second.get(page);
		HttpResponse<String> released = second.post(page + "/" + payoutId + "/freigabe");
		assertThat(released.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(released)).endsWith("?freigegeben");
		assertThat(this.applications.get("staff", id).get("grant").get("paid").decimalValue())
			.isEqualByComparingTo("400.00");
		assertThat(second.get(page).body()).contains("id=\"auszahlung-tabelle\"").contains("id=\"keine-freigabe\"");

		HttpResponse<String> noReason = staff.post(page + "/" + payoutId + "/storno", "grund", " ");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("id=\"reversal-0-error\"").contains("Bitte eine Begründung angeben");
		HttpResponse<String> reversed = staff.post(page + "/" + payoutId + "/storno", "grund",
				"Doppelt gebucht, Bank hat zurückgebucht");
		assertThat(reversed.statusCode()).isEqualTo(302);
		assertThat(this.applications.get("staff", id).get("grant").get("paid").decimalValue())
			.isEqualByComparingTo("0");
		assertThat(staff.get(page).body()).contains("storniert").contains("Doppelt gebucht");
		assertThat(staff.get("/bearbeitung/" + id + "/korrektur").body()).contains("id=\"storno-tabelle\"")
			.contains("Storno einer Auszahlung")
			.contains("Doppelt gebucht");
	}

	@Test
	void a_proof_of_use_is_returned_then_accepted_settled_and_corrected_and_the_refund_booked_and_reversed() {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(this.fund, this.year), "900.00", "ZB-2");
		this.grants.payOut(applicant, id, "700.00");
		Api.ok(this.api.post(applicant, Api.proofOfUse(id), Grants.proof(this.year)));
		String page = "/bearbeitung/" + id + "/verwendungsnachweis";
		StaffForms staff = new StaffForms(this.port, "staff");

		String review = staff.get(page).body();
		assertThat(review).contains("<h1 class=\"kern-heading-large\">Verwendungsnachweis prüfen</h1>")
			.contains("Drei Workshops mit 45 Jugendlichen.")
			.contains("Honorar Referentin")
			.contains("id=\"plan-ist\"")
			// fees: 1,200.00 planned, 600.00 spent
			.contains("1.200,00\u00a0€")
			.contains("-600,00\u00a0€")
			.contains("700,00\u00a0€");

		HttpResponse<String> noAmount = staff.post(page, "ergebnis", "ACCEPTED", "betrag", "");
		assertThat(noAmount.statusCode()).isEqualTo(422);
		assertThat(noAmount.body()).contains("id=\"review-amount-error\"").contains("href=\"#review-amount\"");
		HttpResponse<String> noNote = staff.post(page, "ergebnis", "RETURNED", "vermerk", "");
		assertThat(noNote.statusCode()).isEqualTo(422);
		assertThat(noNote.body()).contains("id=\"review-note-error\"");
		HttpResponse<String> noOutcome = staff.post(page, "betrag", "500,00");
		assertThat(noOutcome.statusCode()).isEqualTo(422);
		assertThat(noOutcome.body()).contains("id=\"review-outcome-error\"");
		assertThat(this.applications.status("staff", id)).isEqualTo("PROOF_OF_USE_SUBMITTED");

		// returned with a note: the applicant corrects and submits it again
		HttpResponse<String> returned = staff.post(page, "ergebnis", "RETURNED", "vermerk", "Rechnung fehlt");
		assertThat(returned.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(returned)).endsWith("?zurueckgegeben");
		assertThat(this.applications.status("staff", id)).isEqualTo("APPROVED");
		assertThat(staff.get("/bearbeitung/" + id + "/korrektur").body()).contains("Rechnung fehlt");
		Api.ok(this.api.post(applicant, Api.proofOfUse(id), Grants.proof(this.year)));

		HttpResponse<String> accepted = staff.post(page, "ergebnis", "ACCEPTED", "betrag", "500,00", "vermerk",
				"Flyer nicht förderfähig");
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(accepted)).endsWith("?angenommen");
		assertThat(this.applications.status("staff", id)).isEqualTo("REFUND_DUE");
		String settled = staff.get(page + "?angenommen").body();
		assertThat(settled).contains("id=\"abrechnung-zahlen\"")
			.contains("id=\"endgueltig\">500,00\u00a0€")
			.contains("id=\"rueckforderung\">200,00\u00a0€")
			.contains("id=\"freigegeben\">400,00\u00a0€")
			.doesNotContain("id=\"pruefung\"");
		// reviewed once: the domain refuses a second review
		HttpResponse<String> twice = staff.post(page, "ergebnis", "ACCEPTED", "betrag", "600,00");
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("schon geprüft");

		// settled: too late to cancel the project
		HttpResponse<String> late = staff.post("/bearbeitung/" + id + "/korrektur", "grund", "zu spät");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(late.body()).contains("id=\"cancel-reason-error\"").contains("nicht abgebrochen werden");

		HttpResponse<String> noReason = staff.post(page + "/korrektur", "betrag", "550,00", "grund", "");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("id=\"correction-reason-error\"");
		HttpResponse<String> corrected = staff.post(page + "/korrektur", "betrag", "550,00", "grund",
				"Beleg nachgereicht");
		assertThat(corrected.statusCode()).isEqualTo(302);
		assertThat(this.applications.get("staff", id).get("grant").get("finalGrant").decimalValue())
			.isEqualByComparingTo("550.00");
		assertThat(staff.get("/bearbeitung/" + id + "/korrektur").body()).contains("Prüfung korrigiert")
			.contains("550,00\u00a0€")
			.contains("Beleg nachgereicht");

		// the refund claim: 150.00
		String refunds = "/bearbeitung/" + id + "/rueckzahlungen";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(staff.get(refunds).body()).contains("id=\"forderung-tabelle\"")
				.contains("150,00\u00a0€"));
		String today = LocalDate.now(PartnershipCalendar.ZONE).toString();
		HttpResponse<String> tooMuch = staff.post(refunds, "betrag", "300,00", "eingang", today);
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("id=\"refund-amount-error\"");
		HttpResponse<String> noDay = staff.post(refunds, "betrag", "100,00");
		assertThat(noDay.statusCode()).isEqualTo(422);
		assertThat(noDay.body()).contains("id=\"refund-receivedOn-error\"");
		HttpResponse<String> longReference = staff.post(refunds, "betrag", "100,00", "eingang", today, "referenz",
				"U".repeat(201));
		assertThat(longReference.statusCode()).isEqualTo(422);
		assertThat(longReference.body()).contains("id=\"refund-reference-error\"");
		HttpResponse<String> booked = staff.post(refunds, "betrag", "100,00", "eingang", today, "referenz", "UEB-4711",
				"schluessel", "r-" + id);
		assertThat(booked.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(booked)).endsWith("?gebucht");
		JsonNode grant = this.applications.get("staff", id).get("grant");
		assertThat(grant.get("refunded").decimalValue()).isEqualByComparingTo("100.00");
		String refundId = null;
		for (JsonNode p : grant.get("payments")) {
			if ("REFUND".equals(p.get("kind").asText())) {
				refundId = p.get("id").asText();
				assertThat(p.get("reference").asText()).isEqualTo("UEB-4711");
			}
		}
		assertThat(staff.get(refunds).body()).contains("id=\"rueckzahlung-tabelle\"").contains("UEB-4711");
		HttpResponse<String> noWhy = staff.post(refunds + "/" + refundId + "/storno", "grund", "");
		assertThat(noWhy.statusCode()).isEqualTo(422);
		assertThat(noWhy.body()).contains("id=\"reversal-0-error\"");
		HttpResponse<String> reversed = staff.post(refunds + "/" + refundId + "/storno", "grund",
				"Fremde Zahlung zugeordnet");
		assertThat(reversed.statusCode()).isEqualTo(302);
		assertThat(this.applications.get("staff", id).get("grant").get("refunded").decimalValue())
			.isEqualByComparingTo("0");
		HttpResponse<String> again = staff.post(refunds + "/" + refundId + "/storno", "grund", "noch einmal");
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("schon storniert");
	}

	@Test
	void a_grant_is_cancelled_with_a_reason_and_the_cancellation_listed() {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(this.fund, this.year), "900.00", "ZB-3");
		String page = "/bearbeitung/" + id + "/korrektur";
		StaffForms staff = new StaffForms(this.port, "staff");
		assertThat(staff.get(page).body()).contains("<h1 class=\"kern-heading-large\">Korrekturen</h1>")
			.contains("id=\"abbrechen\"")
			.contains("id=\"keine-stornos\"");

		HttpResponse<String> noReason = staff.post(page, "grund", "");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("id=\"cancel-reason-error\"").contains("href=\"#cancel-reason\"");
		HttpResponse<String> tooLong = staff.post(page, "grund", "x".repeat(4001));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(this.applications.status("staff", id)).isEqualTo("APPROVED");

		HttpResponse<String> cancelled = staff.post(page, "grund", "Referentin abgesprungen");
		assertThat(cancelled.statusCode()).isEqualTo(302);
		assertThat(StaffForms.location(cancelled)).endsWith("?abgebrochen");
		assertThat(this.applications.status("staff", id)).isEqualTo("CANCELLED");
		assertThat(staff.get(page + "?abgebrochen").body()).contains("Das Projekt ist abgebrochen")
			.contains("id=\"korrektur-tabelle\"")
			.contains("Referentin abgesprungen")
			.doesNotContain("id=\"abbrechen\"");
		assertThat(staff.get(page + "?lang=en").body()).contains("Corrections")
			.contains("Cancellation, returns and corrected reviews");
	}

	@Test
	void the_api_books_a_refund_with_the_bank_reference_too_and_refuses_one_too_long() {
		String applicant = this.accounts.create(Role.APPLICANT);
		String id = this.grants.confirmed(applicant, Drafts.complete(this.fund, this.year), "900.00", "ZB-4");
		this.grants.payOut(applicant, id, "700.00");
		Api.ok(this.api.post(applicant, Api.proofOfUse(id), Grants.proof(this.year)));
		Api.ok(this.api.post("staff", Api.review(id), "{\"eligibleAmount\":500.00}"));
		String body = "{\"amount\":50.00,\"receivedOn\":\"" + LocalDate.now(PartnershipCalendar.ZONE)
				+ "\",\"reference\":\"%s\"}";

		Api.assertProblem(this.api.post("staff", Api.refunds(id), body.formatted("R".repeat(201))), 400, "reference");
		JsonNode booked = Api.ok(this.api.post("staff", Api.refunds(id), body.formatted("SEPA-0815")));
		assertThat(booked.get("grant").get("payments").findValuesAsText("reference")).contains("SEPA-0815");
	}

	private static String pdfText(byte[] pdf) throws java.io.IOException {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
	}

}
