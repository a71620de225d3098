package de.pfd.grants.server.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import de.pfd.grants.persistence.DatabaseUnavailable;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the mails of the outbox: one thread that claims each due mail just before it
 * sends it (so no two nodes send the same mail), marks it sent, and after a failure
 * leaves it for a later attempt with exponential back-off; it never gives up. Stopped
 * before the database closes, after the mail it is sending.
 * <p>
 * It logs ids and counts only: recipients, subjects and bodies are personal data and may
 * hold one-time links. Without an SMTP server ({@code spring.mail.host}) it does not run
 * and mails stay in the outbox.
 */
class MailWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	/** At most this many mails per round. */
	static final int BATCH = 20;

	/** The longest a stop waits for the mail being sent. */
	static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	static final int MAX_ERROR_LENGTH = 300;

	private final OutboxStore store;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final InternetAddress from;

	private final Clock clock;

	private final Object monitor = new Object();

	/** Sent, but not yet marked so (the database was gone): marked first next round. */
	private final Set<Long> unrecorded = new LinkedHashSet<>();

	private final AtomicLong sentCount = new AtomicLong();

	private volatile boolean running;

	private volatile Thread thread;

	private boolean pollFailing;

	MailWorker(OutboxStore store, JavaMailSender sender, MailProperties properties, Clock clock) {
		this.store = store;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.from = sender == null ? null : from(properties.from());
	}

	private static InternetAddress from(String from) {
		if (from == null || from.isBlank()) {
			throw new IllegalStateException(
					"grants.mail.from (the sender address) must be set when an SMTP server (spring.mail.host) is");
		}
		try {
			return new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("grants.mail.from is not a valid address: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void start() {
		if (this.sender == null) {
			log.info("no SMTP server configured (spring.mail.host): mails stay in the outbox");
			return;
		}
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			Thread worker = new Thread(this::run, "mail-outbox");
			worker.setDaemon(true);
			this.thread = worker;
			worker.start();
		}
		log.info("mail outbox worker started, polling every {}", this.properties.pollInterval());
	}

	@Override
	public void stop() {
		Thread worker;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			worker = this.thread;
			this.monitor.notifyAll();
		}
		try {
			worker.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (worker.isAlive()) {
			log.warn("mail outbox worker still sending after {}; the mail may be sent again", STOP_TIMEOUT);
		}
		else {
			log.info("mail outbox worker stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped first and started last: the database is there all the while. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/** Mails this worker sent since it was made. */
	long sent() {
		return this.sentCount.get();
	}

	private void run() {
		while (this.running) {
			int handled = 0;
			try {
				recordUnrecorded();
				handled = round();
				if (this.pollFailing) {
					log.info("mail outbox: database reachable again");
					this.pollFailing = false;
				}
			}
			catch (RuntimeException ex) {
				pollFailed(ex);
			}
			if (handled < BATCH) {
				pause();
			}
		}
		recordUnrecorded();
		if (!this.unrecorded.isEmpty()) {
			log.warn("mails {} were sent but could not be marked sent; they will be sent again", this.unrecorded);
		}
	}

	private void pause() {
		synchronized (this.monitor) {
			if (this.running) {
				try {
					this.monitor.wait(Math.max(1, this.properties.pollInterval().toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
		}
	}

	/** One round: the due mails, each claimed just before it is sent. */
	int round() {
		List<OutboxStore.Due> due = this.store.due(this.clock.instant(), BATCH);
		List<Long> sent = new ArrayList<>();
		int handled = 0;
		for (OutboxStore.Due mail : due) {
			if (!this.running) {
				break;
			}
			Instant now = this.clock.instant();
			if (!this.store.claim(mail.id(), now, now.plus(this.properties.claimTimeout()))) {
				// another node has it
				continue;
			}
			handled++;
			int attempt = mail.attempts() + 1;
			try {
				send(mail);
			}
			catch (MessagingException | RuntimeException ex) {
				String error = describe(ex);
				Duration delay = this.properties.retry().after(attempt);
				this.store.failed(mail.id(), this.clock.instant().plus(delay), error);
				log.warn("mail {} not sent (attempt {}): {}; next attempt in {}", mail.id(), attempt, error, delay);
				if (unreachable(ex)) {
					// the server is down: the other mails wait for the next round
					break;
				}
				continue;
			}
			this.sentCount.incrementAndGet();
			sent.add(mail.id());
			record(mail.id());
		}
		if (!sent.isEmpty()) {
			log.info("sent {} mail(s): ids {}", sent.size(), sent);
		}
		return handled;
	}

	private void send(OutboxStore.Due mail) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(new InternetAddress(mail.to(), true));
		helper.setSubject(mail.subject());
		helper.setText(mail.body(), false);
		// RFC 3834: no out-of-office replies to this
		message.setHeader("Auto-Submitted", "auto-generated");
		this.sender.send(message);
	}

	private void record(long id) {
		try {
			this.store.sent(id, this.clock.instant());
		}
		catch (RuntimeException ex) {
			this.unrecorded.add(id);
			log.warn("mail {} sent, not yet marked sent ({}); marked next round", id, ex.getClass().getSimpleName());
		}
	}

	private void recordUnrecorded() {
		for (Long id : new ArrayList<>(this.unrecorded)) {
			try {
				this.store.sent(id, this.clock.instant());
				this.unrecorded.remove(id);
			}
			catch (RuntimeException ex) {
				return;
			}
		}
	}

	private void pollFailed(RuntimeException ex) {
		if (this.pollFailing) {
			log.debug("mail outbox round failed again", ex);
			return;
		}
		this.pollFailing = true;
		if (DatabaseUnavailable.causedBy(ex)) {
			log.warn("mail outbox: database unavailable ({}); mails wait", ex.getClass().getSimpleName());
		}
		else {
			log.warn("mail outbox round failed; next try in {}", this.properties.pollInterval(), ex);
		}
	}

	/**
	 * What went wrong, without personal data: the exception types (the messages may hold
	 * addresses) and the SMTP reply code.
	 */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		Set<Throwable> seen = new LinkedHashSet<>();
		Throwable current = failure;
		while (current != null && seen.add(current) && seen.size() <= 6) {
			if (!text.isEmpty()) {
				text.append(" > ");
			}
			text.append(current.getClass().getSimpleName());
			if (current instanceof SMTPAddressFailedException smtp) {
				text.append(" (SMTP ").append(smtp.getReturnCode()).append(')');
			}
			else if (current instanceof SMTPSendFailedException smtp) {
				text.append(" (SMTP ").append(smtp.getReturnCode()).append(')');
			}
			current = next(current);
		}
		return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
	}

	private static Throwable next(Throwable failure) {
		if (failure instanceof MailSendException send && send.getCause() == null
				&& !send.getFailedMessages().isEmpty()) {
			return send.getFailedMessages().values().iterator().next();
		}
		if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return failure.getCause();
	}

	private static boolean unreachable(Throwable failure) {
		Set<Throwable> seen = new LinkedHashSet<>();
		for (Throwable current = failure; current != null && seen.add(current); current = next(current)) {
			if (current instanceof MailConnectException || current instanceof ConnectException
					|| current instanceof UnknownHostException || current instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
