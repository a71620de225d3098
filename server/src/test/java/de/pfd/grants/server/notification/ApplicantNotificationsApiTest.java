package de.pfd.grants.server.notification;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.portal.PortalBrowserTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.Grants;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * The mails to applicants, driven through the API as an office works: each listed step
 * mails the applicant's verified address once, with the project, the fund, what happened,
 * what to do and the link to the application; the staff's other steps mail nothing; an
 * account without an address gets nothing; the processor started without a token begins
 * at the head and never mails the history, and one stopped and started again mails what
 * it missed exactly once. The mails are read from the outbox (delivery to an SMTP server
 * is {@code MailOutboxSmtpTest}'s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = PortalBrowserTestSupport.CONTEXT)
class ApplicantNotificationsApiTest extends ApiTestSupport {

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ProjectionSync projections;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	ProofOfUseReminders reminders;

	@Value("${grants.public-url}")
	String publicUrl;

	TestAccounts accounts;

	String applicant;

	String address;

	@BeforeEach
	void applicantWithAnAddress() {
		this.accounts = new TestAccounts(this.accountStore, this.passwords, this.jdbc);
		this.applicant = this.accounts.create(Role.APPLICANT);
		this.address = this.accounts.verifyEmail(this.applicant);
	}

	record Mail(String subject, String body) {
	}

	@Test
	void an_application_returned_at_the_formal_check_mails_its_applicant_the_note_and_the_link() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.submitted(this.applicant, Drafts.complete(fund, year));

		ok(this.api.post("staff", Api.formalCheck(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"Bitte den Kostenplan ergänzen\"}"));

		Mail mail = awaitMails(1).get(0);
		assertThat(mail.subject())
			.isEqualTo("Ihr Antrag wurde zur Überarbeitung zurückgegeben / application returned for revision: "
					+ "Demokratiewerkstatt");
		assertThat(mail.body()).startsWith("Guten Tag,")
			.contains("Hinweis: Bitte den Kostenplan ergänzen")
			.contains("Projekt: Demokratiewerkstatt")
			.contains("Fonds: Aktionsfonds " + year)
			.contains("erneut ein")
			.contains("-- English --")
			.contains("Fund: Action fund " + year)
			.contains(this.publicUrl + "/antraege/" + id)
			.doesNotContain("staff");
	}

	@Test
	void approval_grant_notice_and_payout_are_mailed_and_the_staff_steps_between_them_are_not() {
		int year = TestYears.nextInTheFuture();
		LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.ready(this.applicant, Drafts.complete(fund, year));
		assertMails(0);

		ok(this.api.post("staff", Api.fastTrack(id), "{\"outcome\":\"APPROVED\",\"approvedAmount\":900.00}"));
		this.applications.awaitReserved(this.applicant, id);
		this.grants.issueNotice(id, "ZB-" + year + "-7");
		ok(this.api.post(this.applicant, Api.noticeConfirmation(id), null));
		ok(this.api.post(this.applicant, Api.payoutRequests(id), "{\"amount\":500.00}"));
		JsonNode certified = ok(this.api.post("staff", Api.payouts(id), Grants.payout("500.00", today, null)));
		assertMails(2);
		ok(this.api.post("staff2", Api.payoutRelease(id, certified.get("payoutId").asText()), null));

		List<Mail> mails = awaitMails(3);
		assertThat(mails).extracting(Mail::subject)
			.containsExactly("Ihr Antrag ist bewilligt / application approved: Demokratiewerkstatt",
					"Ihr Zuwendungsbescheid liegt vor / grant notice issued: Demokratiewerkstatt",
					"Auszahlung veranlasst / payout made: Demokratiewerkstatt");
		assertThat(mails.get(0).body()).contains("900,00 €").contains("€900.00");
		assertThat(mails.get(1).body()).contains("ZB-" + year + "-7").contains("bestätigen");
		assertThat(mails.get(2).body()).contains("500,00 € wurden am " + ApplicantMail.dateDe(today))
			.contains("€500.00 were paid out to you on " + today)
			.contains("bis zum " + ApplicantMail.dateDe(today.plusWeeks(6)));
		assertThat(mails).allSatisfy(mail -> assertThat(mail.body()).contains(this.publicUrl + "/antraege/" + id));
	}

	@Test
	void rejections_at_the_formal_check_and_on_the_fast_track_are_mailed_with_their_reason() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String ineligible = this.applications.submitted(this.applicant, Drafts.complete(fund, year));
		String declined = this.applications.ready(this.applicant, Drafts.complete(fund, year));

		ok(this.api.post("staff", Api.formalCheck(ineligible),
				"{\"outcome\":\"REJECTED\",\"note\":\"Kein Bezug zum Kreis\"}"));
		ok(this.api.post("staff", Api.fastTrack(declined), "{\"outcome\":\"REJECTED\",\"note\":\"Zu teuer\"}"));

		List<Mail> mails = awaitMails(2);
		assertThat(mails).extracting(Mail::subject)
			.containsOnly("Ihr Antrag wurde abgelehnt / application rejected: Demokratiewerkstatt");
		assertThat(mails.get(0).body()).contains("Kein Bezug zum Kreis").contains("/antraege/" + ineligible);
		assertThat(mails.get(1).body()).contains("Zu teuer").contains("/antraege/" + declined);
	}

	@Test
	void an_approval_the_fund_cannot_cover_is_mailed_with_its_place_on_the_waiting_list() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1000.00", "1000.00", "1000.00");
		String other = this.accounts.create(Role.APPLICANT);
		this.applications.approved(other, Drafts.complete(fund, year), "900.00");
		String id = this.applications.ready(this.applicant, Drafts.complete(fund, year));

		ok(this.api.post("staff", Api.fastTrack(id), "{\"outcome\":\"APPROVED\",\"approvedAmount\":500.00}"));

		Mail mail = awaitMails(1).get(0);
		assertThat(mail.subject()).startsWith("Ihr Antrag ist bewilligt und wartet auf Mittel / ");
		assertThat(mail.body()).contains("Platz 1 der Warteliste").contains("number 1 on the waiting list");
	}

	@Test
	void a_settlement_that_paid_too_much_mails_the_refund_claim() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.grants.confirmed(this.applicant, Drafts.complete(fund, year), "900.00", "ZB-R");
		this.grants.payOut(this.applicant, id, "500.00");
		ok(this.api.post(this.applicant, Api.proofOfUse(id), Grants.proof(year)));

		ok(this.api.post("staff", Api.review(id), "{\"outcome\":\"ACCEPTED\",\"eligibleAmount\":300.00}"));

		Mail claim = awaitMail("Rückforderung / refund claim: Demokratiewerkstatt");
		assertThat(claim.body()).contains("200,00 €").contains("€200.00").contains("/antraege/" + id);
	}

	@Test
	void a_proof_of_use_overdue_is_mailed() {
		int pastYear = TestYears.inThePast("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", pastYear, "20000.00", "5000.00", "1000.00");
		String id = this.grants.confirmed(this.applicant, Drafts.complete(fund, pastYear), "900.00", "ZB-O");
		// the deadline fires on the scheduler's next look (slower in a context just
		// started
		// under load); then the mail follows
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ProofOfUseOverdue'",
					Long.class, id))
				.isEqualTo(1));

		Mail overdue = awaitMail("Verwendungsnachweis überfällig / proof of use overdue: Demokratiewerkstatt");
		LocalDate due = LocalDate.of(pastYear, 9, 30).plusWeeks(6);
		assertThat(overdue.body()).contains("am " + ApplicantMail.dateDe(due) + " fällig").contains("/antraege/" + id);
	}

	@Test
	void an_applicant_without_a_verified_address_is_not_mailed() {
		String unverified = this.accounts.create(Role.APPLICANT);
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.applications.submitted(unverified, Drafts.complete(fund, year));

		ok(this.api.post("staff", Api.formalCheck(id), "{\"outcome\":\"RETURNED\",\"note\":\"Bitte ergänzen\"}"));

		this.projections.awaitProjections();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE ?", Long.class,
				"%/antraege/" + id + "%"))
			.isZero();
	}

	@Test
	void the_processor_never_mails_the_history_and_mails_what_it_missed_while_stopped_exactly_once() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String history = this.applications.submitted(this.applicant, Drafts.complete(fund, year));
		String missed = this.applications.submitted(this.applicant, Drafts.complete(fund, year));
		TrackingEventProcessor processor = this.processing
			.eventProcessor(ApplicantNotifications.GROUP, TrackingEventProcessor.class)
			.orElseThrow();
		assertThatThrownBy(processor::resetTokens).as("a replay would mail the history")
			.isInstanceOf(IllegalStateException.class);

		// without a token (as when first deployed) it starts at the head
		processor.shutDown();
		try {
			this.jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", ApplicantNotifications.GROUP);
			ok(this.api.post("staff", Api.formalCheck(history), "{\"outcome\":\"RETURNED\",\"note\":\"vorher\"}"));
		}
		finally {
			processor.start();
		}
		this.projections.awaitProjections();
		assertMails(0);

		// stopped with its token, it goes on where it stopped
		processor.shutDown();
		try {
			ok(this.api.post("staff", Api.formalCheck(missed), "{\"outcome\":\"RETURNED\",\"note\":\"verpasst\"}"));
		}
		finally {
			processor.start();
		}
		this.projections.awaitProjections();
		processor.shutDown();
		processor.start();
		this.projections.awaitProjections();

		List<Mail> mails = mails();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).body()).contains("verpasst").contains("/antraege/" + missed);
	}

	@Test
	void the_reminder_of_a_proof_of_use_due_in_seven_days_is_mailed_once() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String id = this.grants.confirmed(this.applicant, Drafts.complete(fund, year), "900.00", "ZB-E");
		LocalDate due = LocalDate
			.parse(this.applications.get(this.applicant, id).get("grant").get("proofOfUseDueOn").asText());
		int mailsBefore = mails().size();

		this.reminders.remind(due.minusDays(8));
		assertThat(mails()).hasSize(mailsBefore);

		this.reminders.remind(due.minusDays(7));
		this.reminders.remind(due.minusDays(7));
		this.reminders.remind(due.minusDays(3));

		List<Mail> mails = mails();
		assertThat(mails).hasSize(mailsBefore + 1);
		Mail reminder = mails.get(mails.size() - 1);
		assertThat(reminder.subject())
			.isEqualTo("Verwendungsnachweis bald fällig / proof of use due soon: Demokratiewerkstatt");
		assertThat(reminder.body()).contains("am " + ApplicantMail.dateDe(due) + " fällig")
			.contains("due on " + due)
			.contains(this.publicUrl + "/antraege/" + id);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM proof_reminder WHERE application_id = ? AND due_on = ?", Integer.class, id, due))
			.isEqualTo(1);
	}

	/** The mails to the applicant once there are {@code count}, oldest first. */
	private List<Mail> awaitMails(int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mails()).hasSize(count));
		this.projections.awaitProjections();
		List<Mail> mails = mails();
		assertThat(mails).as("no more than " + count).hasSize(count);
		return mails;
	}

	/** Once every processor has caught up, exactly so many mails to the applicant. */
	private void assertMails(int count) {
		this.projections.awaitProjections();
		assertThat(mails()).hasSize(count);
	}

	private List<Mail> mails() {
		return this.jdbc.query("SELECT subject, body FROM mail_outbox WHERE recipient = ? ORDER BY id",
				(rs, i) -> new Mail(rs.getString("subject"), rs.getString("body")), this.address);
	}

	/** The one mail to the applicant with this subject, once it is there. */
	private Mail awaitMail(String subject) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(mails()).extracting(Mail::subject).contains(subject));
		this.projections.awaitProjections();
		List<Mail> found = mails().stream().filter(mail -> mail.subject().equals(subject)).toList();
		assertThat(found).as("mailed once").hasSize(1);
		return found.get(0);
	}

}
