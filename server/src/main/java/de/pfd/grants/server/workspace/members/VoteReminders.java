package de.pfd.grants.server.workspace.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import de.pfd.grants.shared.voting.BallotToRemind;
import de.pfd.grants.shared.voting.FindBallotsToRemindQuery;

/**
 * Reminds the members of a body {@value #DAYS_BEFORE} days before a circular vote closes:
 * each member of the vote who has neither voted nor recused gets one mail per vote round.
 * A vote that ran for less than that from its opening is not reminded of (the opening's
 * mail was recent). Looks every {@code grants.notifications.vote-reminder-interval}
 * (default 15 minutes, and a minute after the start) on every node; the reminder's row in
 * {@code vote_reminder} is inserted in the transaction that queues the mail, and its key
 * (application, round, member) lets only one node and one run mail it.
 */
@Component
class VoteReminders implements SmartLifecycle {

	static final int DAYS_BEFORE = 2;

	private static final Duration BEFORE = Duration.ofDays(DAYS_BEFORE);

	private static final Logger log = LoggerFactory.getLogger(VoteReminders.class);

	private final QueryGateway queries;

	private final AccountStore accounts;

	private final Outbox outbox;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String publicUrl;

	private final Duration interval;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	VoteReminders(QueryGateway queries, AccountStore accounts, Outbox outbox, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, @Value("${grants.public-url}") String publicUrl,
			@Value("${grants.notifications.vote-reminder-interval:PT15M}") Duration interval) {
		this.queries = queries;
		this.accounts = accounts;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.interval = interval;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Mails the reminders due at {@code now} (votes closing within the next
	 * {@value #DAYS_BEFORE} days) not mailed yet; answers how many.
	 */
	int remind(Instant now) {
		List<BallotToRemind> due = this.queries
			.query(new FindBallotsToRemindQuery(now, now.plus(BEFORE)),
					ResponseTypes.multipleInstancesOf(BallotToRemind.class))
			.join();
		int mailed = 0;
		for (BallotToRemind ballot : due) {
			if (Duration.between(ballot.openedAt(), ballot.closesAt()).compareTo(BEFORE) <= 0) {
				continue;
			}
			Boolean sent = this.transaction.execute(status -> remind(ballot, now));
			if (Boolean.TRUE.equals(sent)) {
				mailed++;
			}
		}
		return mailed;
	}

	private boolean remind(BallotToRemind ballot, Instant now) {
		Optional<String> address = this.accounts.emailOf(ballot.username());
		if (address.isEmpty()) {
			return false;
		}
		int claimed = this.jdbc.update("""
				INSERT INTO vote_reminder (application_id, round, username, sent_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", ballot.applicationId().value(), ballot.round(), ballot.username(),
				now.atOffset(ZoneOffset.UTC));
		if (claimed == 0) {
			return false;
		}
		MemberMail mail = MemberMail.reminder(new MemberMail.Vote(ballot.applicationId().value(), ballot.title(),
				ballot.fundType(), ballot.fundYear(), ballot.closesAt()), this.publicUrl);
		this.outbox.queue(ballot.partnershipId(), address.get(), mail.subject(), mail.body());
		return true;
	}

	private void run() {
		try {
			int mailed = remind(Instant.now(this.clock));
			if (mailed > 0) {
				log.info("{} vote reminders queued", mailed);
			}
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.causedBy(ex)) {
				log.warn("vote reminders not looked for, the database is unavailable; next try later");
			}
			else {
				log.error("vote reminders not looked for", ex);
			}
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "vote-reminders");
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
