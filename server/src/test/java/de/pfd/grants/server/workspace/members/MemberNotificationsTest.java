package de.pfd.grants.server.workspace.members;

import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;

/**
 * The mails to members, read from the outbox: a circular vote's opening mails each member
 * who votes in it (not one recused automatically, not for a vote at a meeting) with the
 * project, the fund, the deadline and the link to the vote's page; two days before it
 * closes those who have neither voted nor recused are reminded once (the reminder's look
 * run with a given instant), and a vote that ran for less than that is not reminded of.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class MemberNotificationsTest extends ApiTestSupport {

	@Autowired
	VoteReminders reminders;

	@Autowired
	ProjectionSync projections;

	@Value("${grants.public-url}")
	String publicUrl;

	record Mail(String recipient, String subject, String body) {
	}

	@Test
	void a_circular_vote_s_opening_mails_each_member_who_votes_in_it_with_the_deadline_and_the_link() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		// filed by applicant1 for the Kulturverein: board2 is recused automatically
		String id = this.applications.ready("applicant1", Drafts.complete(fund, year));
		Instant closesAt = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
		ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));

		List<Mail> mails = awaitMails(id, 6);
		assertThat(mails).extracting(Mail::recipient)
			.containsExactlyInAnyOrder("board1@demo.invalid", "board3@demo.invalid", "board4@demo.invalid",
					"board5@demo.invalid", "board6@demo.invalid", "board7@demo.invalid");
		MemberMail.Vote vote = new MemberMail.Vote(id, "Demokratiewerkstatt", null, year, closesAt);
		Mail mail = mails.get(0);
		assertThat(mail.subject())
			.isEqualTo("Neue Abstimmung im Umlaufverfahren / new circular vote: Demokratiewerkstatt");
		assertThat(mail.body()).startsWith("Guten Tag,")
			.contains("Projekt: Demokratiewerkstatt")
			.contains("Fonds: Aktionsfonds " + year)
			.contains("Frist: " + MemberMail.germanDeadline(vote))
			.contains("Zur Entscheidung: " + this.publicUrl + "/entscheidungen/" + id)
			.contains("-- English --")
			.contains("Fund: Action fund " + year)
			.contains("Deadline: " + MemberMail.englishDeadline(vote))
			.doesNotContain("board2")
			.doesNotContain("Kulturverein");
		assertThat(MemberMail.germanDeadline(vote)).endsWith(" Uhr");
	}

	@Test
	void a_vote_at_a_meeting_mails_nobody() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.inVoting("applicant3", Drafts.unrelated(fund, year));

		this.projections.awaitProjections();
		assertThat(mails(id)).isEmpty();
	}

	@Test
	void two_days_before_a_circular_vote_closes_those_who_have_not_voted_are_reminded_once() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		Instant closesAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
		ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		awaitMails(id, 7);
		this.applications.vote("board1", id, "YES");
		ok(this.api.post("board3", Api.recusal(id), "{\"reason\":\"Ich leite den Jugendtreff mit.\"}"));
		this.projections.awaitProjections();

		this.reminders.remind(closesAt.minus(Duration.ofDays(3)));
		assertThat(reminders(id)).isEmpty();

		this.reminders.remind(closesAt.minus(Duration.ofDays(2)));
		this.reminders.remind(closesAt.minus(Duration.ofDays(2)));
		this.reminders.remind(closesAt.minus(Duration.ofDays(1)));

		List<Mail> reminders = reminders(id);
		assertThat(reminders).extracting(Mail::recipient)
			.containsExactlyInAnyOrder("board2@demo.invalid", "board4@demo.invalid", "board5@demo.invalid",
					"board6@demo.invalid", "board7@demo.invalid");
		Mail reminder = reminders.get(0);
		assertThat(reminder.subject())
			.isEqualTo("Erinnerung: Abstimmung endet bald / reminder: the vote closes soon: Demokratiewerkstatt");
		MemberMail.Vote vote = new MemberMail.Vote(id, "Demokratiewerkstatt", null, year, closesAt);
		assertThat(reminder.body()).contains("endet am " + MemberMail.germanDeadline(vote))
			.contains("noch nicht abgestimmt")
			.contains("closes on " + MemberMail.englishDeadline(vote))
			.contains(this.publicUrl + "/entscheidungen/" + id);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM vote_reminder WHERE application_id = ?",
				Integer.class, id))
			.isEqualTo(5);

		// after the deadline nothing is reminded of any more
		this.reminders.remind(closesAt.plusSeconds(60));
		assertThat(reminders(id)).hasSize(5);
	}

	@Test
	void a_circular_vote_shorter_than_two_days_is_not_reminded_of() {
		int year = TestYears.nextInTheFuture();
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", null);
		String id = this.applications.ready("applicant3", Drafts.unrelated(fund, year));
		Instant closesAt = Instant.now().plus(Duration.ofDays(1));
		ok(this.api.post("staff", Api.voting(id), "{\"procedure\":\"CIRCULAR\",\"closesAt\":\"" + closesAt + "\"}"));
		awaitMails(id, 7);
		this.projections.awaitProjections();

		this.reminders.remind(Instant.now());
		assertThat(reminders(id)).isEmpty();
	}

	/** The mails about the vote on the application, once there are {@code count}. */
	private List<Mail> awaitMails(String id, int count) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails(id)).hasSize(count));
		this.projections.awaitProjections();
		List<Mail> mails = mails(id);
		assertThat(mails).as("no more than " + count).hasSize(count);
		return mails;
	}

	private List<Mail> mails(String id) {
		return this.jdbc.query("SELECT recipient, subject, body FROM mail_outbox WHERE body LIKE ? ORDER BY id",
				(rs, i) -> new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")),
				"%/entscheidungen/" + id + "%");
	}

	private List<Mail> reminders(String id) {
		return mails(id).stream().filter(mail -> mail.subject().startsWith("Erinnerung")).toList();
	}

}
