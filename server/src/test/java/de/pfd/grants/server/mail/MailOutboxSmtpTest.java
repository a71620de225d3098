package de.pfd.grants.server.mail;

import static de.pfd.grants.server.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox against a real SMTP server (GreenMail, in this JVM) on the test database: a
 * mail is delivered once if and only if its transaction committed, survives the server
 * being down, and is never delivered twice by several workers; an applicant's
 * notification arrives once, and no address, subject or body is ever logged. Without the
 * demo profile (as here) there is no demo outbox.
 * <p>
 * A context of its own (the only one with an SMTP server), closed after the class: its
 * worker must stop in order then.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.mail.host=127.0.0.1",
		"grants.mail.from=Partnerschaft für Demokratie <noreply@pfd.example>", "grants.mail.poll-interval=100ms",
		"grants.mail.retry.initial-delay=300ms", "grants.mail.retry.max-delay=1s",
		// GreenMail logs each recipient it sees; this product never does
		"logging.level.com.icegreen.greenmail=warn" })
@ActiveProfiles("embedded")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxSmtpTest {

	private static final int SMTP_PORT = freePort();

	private static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxStore store;

	@Autowired
	MailWorker worker;

	@Autowired
	JavaMailSender sender;

	@Autowired
	MailProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountStore accounts;

	@Autowired
	CommandGateway commands;

	@Autowired
	PasswordEncoder passwords;

	@LocalServerPort
	int port;

	private GreenMail smtp;

	/** What the tests put in subjects, bodies and addresses: never in the log. */
	private final List<String> personal = new ArrayList<>();

	@BeforeEach
	void smtpUp() {
		this.smtp = startSmtp();
	}

	@AfterEach
	void smtpDown(CapturedOutput output) {
		if (this.smtp != null) {
			this.smtp.stop();
		}
		// recipients, subjects and bodies are personal data: never logged
		for (String text : this.personal) {
			assertThat(output.getAll()).doesNotContain(text);
		}
	}

	@Test
	void a_mail_queued_in_a_committed_transaction_is_delivered_exactly_once() throws Exception {
		String to = personal("erika.mustermann+" + UUID.randomUUID() + "@example.org");
		String subject = personal("Bitte bestätigen Sie Ihre E-Mail-Adresse " + UUID.randomUUID());
		String body = personal("Grüß Gott,\nbitte öffnen Sie https://pfd.example/verify/" + UUID.randomUUID()
				+ " innerhalb von 24 Stunden.\n");

		inTransaction(() -> this.outbox.queue(PARTNERSHIP, to, subject, body));

		MimeMessage mail = awaitDelivered(subject);
		assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(to);
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("noreply@pfd.example");
		assertThat(from.getPersonal()).isEqualTo("Partnerschaft für Demokratie");
		// SMTP carries the last line break as part of the end of the data
		assertThat(mail.getContent().toString().replace("\r\n", "\n")).isEqualTo(body.strip());
		assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		await().atMost(Duration.ofSeconds(5)).until(() -> row(subject).get("sent_at") != null);
		assertThat(row(subject).get("attempts")).isEqualTo(1);

		// later rounds leave it alone: one more mail goes through, the first is still one
		String later = personal("Noch eine " + UUID.randomUUID());
		inTransaction(() -> this.outbox.queue(PARTNERSHIP, to, later, "b"));
		awaitDelivered(later);
		assertThat(delivered(subject)).hasSize(1);
		assertThat(row(subject).get("attempts")).isEqualTo(1);
	}

	@Test
	void a_mail_queued_in_a_transaction_that_is_rolled_back_is_never_sent() throws Exception {
		String rolledBack = personal("Zurückgerollt " + UUID.randomUUID());
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			this.outbox.queue(PARTNERSHIP, "rolled.back@example.org", rolledBack, "nie");
			status.setRollbackOnly();
		});
		// a mail queued after it goes through: the worker has had its chance
		String after = personal("Danach " + UUID.randomUUID());
		inTransaction(() -> this.outbox.queue(PARTNERSHIP, "after@example.org", after, "b"));
		awaitDelivered(after);

		assertThat(delivered(rolledBack)).isEmpty();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subject = ?", Long.class, rolledBack))
			.isZero();
	}

	@Test
	void while_the_smtp_server_is_down_the_mail_waits_with_its_attempts_and_is_delivered_once_it_is_up()
			throws Exception {
		this.smtp.stop();
		this.smtp = null;
		String to = personal("max.mustermann+" + UUID.randomUUID() + "@example.org");
		String subject = personal("Passwort zurücksetzen " + UUID.randomUUID());

		inTransaction(() -> this.outbox.queue(PARTNERSHIP, to, subject, "https://pfd.example/reset/geheim"));

		// tried, failed, backed off, tried again
		await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) row(subject).get("attempts")).intValue() >= 2);
		Map<String, Object> waiting = row(subject);
		assertThat(waiting.get("sent_at")).isNull();
		String error = (String) waiting.get("last_error");
		assertThat(error).contains("MailConnectException").doesNotContain("mustermann").doesNotContain("Passwort");
		assertThat(gauge("grants.mail.outbox.pending")).isGreaterThanOrEqualTo(1);
		assertThat(gauge("grants.mail.outbox.failing")).isGreaterThanOrEqualTo(1);
		// the back-off: the next attempt lies ahead of the last one
		assertThat((OffsetDateTime) this.jdbc
			.queryForObject("SELECT next_attempt_at FROM mail_outbox WHERE subject = ?", OffsetDateTime.class, subject))
			.isAfter(OffsetDateTime.now().minusSeconds(1));

		this.smtp = startSmtp();

		MimeMessage mail = awaitDelivered(subject);
		assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(to);
		await().atMost(Duration.ofSeconds(5)).until(() -> row(subject).get("sent_at") != null);
		Map<String, Object> sent = row(subject);
		assertThat(((Number) sent.get("attempts")).intValue()).isGreaterThanOrEqualTo(3);
		// the history stays: what went wrong before it went through
		assertThat(sent.get("last_error")).isNotNull();
		assertThat(delivered(subject)).hasSize(1);
	}

	@Test
	void three_workers_on_one_database_deliver_every_mail_once() throws Exception {
		String run = UUID.randomUUID().toString();
		int mails = 40;
		long sentBefore = this.worker.sent();
		MailWorker second = new MailWorker(this.store, this.sender, fastPolling(), Clock.systemUTC());
		MailWorker third = new MailWorker(this.store, this.sender, fastPolling(), Clock.systemUTC());
		second.start();
		third.start();
		try {
			// one transaction: all become due at once, for every worker
			inTransaction(() -> {
				for (int i = 0; i < mails; i++) {
					this.outbox.queue(PARTNERSHIP, "node" + i + "@example.org", "Lauf " + run + " Nr. " + i, "b");
				}
			});
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ? AND sent_at IS NOT NULL", Long.class,
						"Lauf " + run + "%") == mails);
			String marker = "Marke " + run;
			inTransaction(() -> this.outbox.queue(PARTNERSHIP, "marker@example.org", marker, "b"));
			awaitDelivered(marker);
		}
		finally {
			second.stop();
			third.stop();
		}

		Map<String, Long> perSubject = Arrays.stream(this.smtp.getReceivedMessages())
			.map(MailOutboxSmtpTest::subject)
			.filter(s -> s.startsWith("Lauf " + run))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perSubject).hasSize(mails);
		assertThat(perSubject.values()).containsOnly(1L);
		assertThat(this.worker.sent() - sentBefore + second.sent() + third.sent()).isEqualTo(mails + 1);
		System.out.printf("[mail] 41 mails sent by the workers: %d, %d, %d%n", this.worker.sent() - sentBefore,
				second.sent(), third.sent());
	}

	@Test
	void a_worker_stops_in_order_and_logs_no_error(CapturedOutput output) {
		MailWorker extra = new MailWorker(this.store, this.sender, fastPolling(), Clock.systemUTC());
		extra.start();
		assertThat(extra.isRunning()).isTrue();
		long started = System.nanoTime();

		extra.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(extra.isRunning()).isFalse();
		assertThat(output.getAll()).contains("mail outbox worker stopped").doesNotContain(" ERROR ");
	}

	@Test
	void staff_read_the_outbox_metrics() {
		JsonNode metric = Api.ok(new Api(this.port).get(staff(), "/actuator/metrics/grants.mail.outbox.pending"));

		assertThat(metric.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void without_the_demo_profile_there_is_no_outbox_endpoint() {
		assertProblem(new Api(this.port).get(staff(), "/api/outbox"), 404, null);
	}

	/**
	 * The account mails end to end: a registration, a password reset and an invitation
	 * each reach the mailbox through the SMTP server, and their links work.
	 */
	@Test
	void registration_reset_and_invitation_mails_are_delivered_and_their_links_work() throws Exception {
		PartnershipId partnership = new PartnershipId("mail-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "PfD Mailtest"));
		Api api = new Api(this.port);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get(null, "/api/partnerships").body().contains(partnership.value()));

		String address = personal("neu-" + UUID.randomUUID() + "@example.org");
		String password = "Lindenblatt-Herbst-77";
		assertThat(api
			.post(null, "/api/registrations",
					"{\"email\":\"" + address + "\",\"password\":\"" + password
							+ "\",\"displayName\":\"Neu\",\"partnershipId\":\"" + partnership.value() + "\"}")
			.status()).isEqualTo(202);
		String confirm = link(awaitMailTo(address, 1), "/konto/bestaetigen?token=");
		assertThat(api.get(address + ":" + password, "/api/account").status()).isEqualTo(401);
		assertThat(api.get(null, confirm).status()).isEqualTo(200);
		assertThat(api.get(address + ":" + password, "/api/account").status()).isEqualTo(200);

		assertThat(api.post(null, "/api/password-resets", "{\"email\":\"" + address + "\"}").status()).isEqualTo(202);
		String token = link(awaitMailTo(address, 2), "/konto/passwort?token=").replaceAll(".*token=", "");
		assertThat(api
			.post(null, "/api/password-resets/confirmation",
					"{\"token\":\"" + token + "\",\"password\":\"Kastanienallee-Regen-18\"}")
			.status()).isEqualTo(200);
		assertThat(api.get(address + ":Kastanienallee-Regen-18", "/api/account").status()).isEqualTo(200);

		String admin = "mail-admin-" + UUID.randomUUID();
		this.accounts.createIfAbsent(new GrantsUser(admin, this.passwords.encode("geheim-123"), Role.STAFF, partnership,
				null, "Leitung", null, true, null, true));
		String invited = personal("kollege-" + UUID.randomUUID() + "@example.org");
		assertThat(api
			.post(admin + ":geheim-123", "/api/accounts",
					"{\"email\":\"" + invited + "\",\"displayName\":\"Kollege\",\"role\":\"AUDITOR\"}")
			.status()).isEqualTo(201);
		String invitation = link(awaitMailTo(invited, 1), "/konto/passwort?token=").replaceAll(".*token=", "");
		assertThat(api
			.post(null, "/api/password-resets/confirmation",
					"{\"token\":\"" + invitation + "\",\"password\":\"Wasserturm-Abend-2026\"}")
			.status()).isEqualTo(200);
		assertThat(api.get(invited + ":Wasserturm-Abend-2026", "/api/account").status()).isEqualTo(200);
	}

	@Test
	void an_application_returned_for_revision_is_mailed_to_its_applicant_over_smtp() throws Exception {
		PartnershipId partnership = new PartnershipId("mail-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "PfD Mailtest"));
		Api api = new Api(this.port);
		String staff = "mail-staff-" + UUID.randomUUID();
		this.accounts.createIfAbsent(new GrantsUser(staff, this.passwords.encode("geheim-123"), Role.STAFF, partnership,
				null, "Mail Staff", null, true, null, false));
		String applicant = "mail-applicant-" + UUID.randomUUID();
		String address = personal(applicant + "@example.org");
		this.accounts.createIfAbsent(new GrantsUser(applicant, this.passwords.encode("geheim-123"), Role.APPLICANT,
				partnership, null, "Antragstellerin", null, true, address, false));
		int year = 2031;
		String fund = Api
			.created(
					api.post(staff + ":geheim-123", Api.FUNDS,
							"{\"partnershipId\":\"" + partnership.value() + "\",\"type\":\"ACTION_FUND\",\"year\":"
									+ year + ",\"budget\":20000.00}"))
			.get("id")
			.asText();
		String id = Api.created(api.post(applicant + ":geheim-123", Api.APPLICATIONS, Drafts.complete(fund, year)))
			.get("id")
			.asText();
		Api.ok(api.post(applicant + ":geheim-123", Api.submission(id), null));
		String note = personal("Bitte den Finanzplan ergänzen " + UUID.randomUUID());

		Api.ok(api.post(staff + ":geheim-123", Api.formalCheck(id),
				"{\"outcome\":\"RETURNED\",\"note\":\"" + note + "\"}"));

		String mail = awaitMailTo(address, 1);
		MimeMessage message = mailsTo(address).get(0);
		assertThat(message.getSubject())
			.isEqualTo("Ihr Antrag wurde zur Überarbeitung zurückgegeben / application returned for revision: "
					+ "Demokratiewerkstatt");
		assertThat(mail).contains(note).contains("/antraege/" + id).contains("-- English --");
		Thread.sleep(500);
		assertThat(mailsTo(address)).as("once").hasSize(1);
	}

	/** The n-th mail delivered to this address, as text. */
	private String awaitMailTo(String address, int n) {
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(address).size() >= n);
		try {
			return mailsTo(address).get(n - 1).getContent().toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The path of the link in a mail that starts with this path. */
	private static String link(String mail, String path) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile(java.util.regex.Pattern.quote(path) + "[A-Za-z0-9_-]+")
			.matcher(mail);
		assertThat(matcher.find()).as(mail).isTrue();
		return matcher.group();
	}

	// ------------------------------------------------------------------ helpers

	/** A staff account (there are no demo accounts here), as the API client signs in. */
	private String staff() {
		String staff = "mail-staff-" + UUID.randomUUID();
		this.accounts.createIfAbsent(new GrantsUser(staff, this.passwords.encode("geheim-123"), Role.STAFF, PARTNERSHIP,
				null, "Mail Staff", null, true, null, false));
		return staff + ":geheim-123";
	}

	private MailProperties fastPolling() {
		return new MailProperties(this.properties.from(), Duration.ofMillis(20), this.properties.claimTimeout(),
				this.properties.retry());
	}

	private String personal(String text) {
		this.personal.add(text);
		return text;
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> work.run());
	}

	private Map<String, Object> row(String subject) {
		return this.jdbc.queryForMap("SELECT attempts, sent_at, last_error FROM mail_outbox WHERE subject = ?",
				subject);
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private MimeMessage awaitDelivered(String subject) {
		await().atMost(Duration.ofSeconds(15)).until(() -> !delivered(subject).isEmpty());
		return delivered(subject).get(0);
	}

	private List<MimeMessage> delivered(String subject) {
		if (this.smtp == null) {
			return List.of();
		}
		return Arrays.stream(this.smtp.getReceivedMessages()).filter(m -> subject.equals(subject(m))).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
