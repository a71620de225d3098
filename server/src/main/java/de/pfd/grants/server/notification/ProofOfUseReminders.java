package de.pfd.grants.server.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.pfd.grants.persistence.DatabaseUnavailable;
import de.pfd.grants.server.mail.Outbox;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.shared.application.ApplicantNotice;
import de.pfd.grants.shared.application.FindProofsOfUseDueQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Reminds applicants 7 days before their proof of use falls due: every grant whose proof
 * is not in and is due within the next {@value #DAYS_AHEAD} days gets one mail per due
 * day. Looks every hour (and a minute after the start) on every node; the reminder's row
 * in {@code proof_reminder} is inserted in the transaction that queues the mail, and its
 * key (application, kind, due day) lets only one node and one run mail it. A grant that
 * comes within the 7 days late (approved late, or every node was down) is reminded at the
 * next look.
 */
@Component
class ProofOfUseReminders implements SmartLifecycle {

	static final int DAYS_AHEAD = 7;

	static final String KIND = "PROOF_OF_USE_DUE";

	private static final Logger log = LoggerFactory.getLogger(ProofOfUseReminders.class);

	private final QueryGateway queries;

	private final AccountStore accounts;

	private final Outbox outbox;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String publicUrl;

	private final Duration interval;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	ProofOfUseReminders(QueryGateway queries, AccountStore accounts, Outbox outbox, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, @Value("${grants.public-url}") String publicUrl,
			@Value("${grants.notifications.reminder-interval:PT1H}") Duration interval) {
		this.queries = queries;
		this.accounts = accounts;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.interval = interval;
		this.clock = Clock.systemUTC();
	}

	/** Mails the reminders due on {@code today} not mailed yet; answers how many. */
	int remind(LocalDate today) {
		List<ApplicantNotice> due = this.queries
			.query(new FindProofsOfUseDueQuery(today, today.plusDays(DAYS_AHEAD)),
					ResponseTypes.multipleInstancesOf(ApplicantNotice.class))
			.join();
		int mailed = 0;
		for (ApplicantNotice grant : due) {
			Boolean sent = this.transaction.execute(status -> remind(grant));
			if (Boolean.TRUE.equals(sent)) {
				mailed++;
			}
		}
		return mailed;
	}

	private boolean remind(ApplicantNotice grant) {
		Optional<String> address = this.accounts.emailOf(grant.owner());
		if (address.isEmpty()) {
			return false;
		}
		int claimed = this.jdbc.update("""
				INSERT INTO proof_reminder (application_id, kind, due_on, sent_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", grant.applicationId().value(), KIND, grant.proofOfUseDueOn(),
				Instant.now(this.clock).atOffset(ZoneOffset.UTC));
		if (claimed == 0) {
			return false;
		}
		ApplicantMail mail = ApplicantMail.of(grant, this.publicUrl, new ApplicantMail.Text(
				"Verwendungsnachweis bald fällig", "proof of use due soon",
				"Der Verwendungsnachweis Ihres Projekts ist am " + ApplicantMail.dateDe(grant.proofOfUseDueOn())
						+ " fällig.",
				"Bitte reichen Sie bis dahin den Sachbericht und die Belegliste (Einnahmen als negative "
						+ "Beträge) im Förderportal ein.",
				"The proof of use of your project is due on " + ApplicantMail.dateEn(grant.proofOfUseDueOn()) + ".",
				"Please submit the report and the list of receipts (income as negative amounts) in the "
						+ "portal by then."));
		this.outbox.queue(grant.partnershipId(), address.get(), mail.subject(), mail.body());
		return true;
	}

	private void run() {
		try {
			int mailed = remind(PartnershipCalendar.dayOf(Instant.now(this.clock)));
			if (mailed > 0) {
				log.info("{} proof-of-use reminders queued", mailed);
			}
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				log.warn("proof-of-use reminders not looked for, the database is unavailable; next try later");
			}
			else {
				log.error("proof-of-use reminders not looked for", ex);
			}
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "proof-of-use-reminders");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::run, 60, this.interval.toSeconds(), TimeUnit.SECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
