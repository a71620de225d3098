package de.pfd.grants.server.security;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.pfd.grants.server.mail.Outbox;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Tells an account's owner by mail that its sign-ins are in back-off after repeated
 * failures, if the account has a verified address. Queued in the outbox (a worker sends
 * it), off the request thread: the failing request takes as long whether the account
 * exists or not.
 */
@Component
@ConditionalOnWebApplication
class SignInFailureNotice implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SignInFailureNotice.class);

	static final String SUBJECT = "Fehlgeschlagene Anmeldungen bei Ihrem Konto / failed sign-ins to your account";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'");

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final AccountStore accounts;

	/**
	 * One thread, a short queue: under a flood of failures mails are dropped, not piled
	 * up.
	 */
	private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), runnable -> {
				Thread thread = new Thread(runnable, "sign-in-notice");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	SignInFailureNotice(PlatformTransactionManager transactions, Outbox outbox, AccountStore accounts) {
		this.transactions = new TransactionTemplate(transactions);
		this.outbox = outbox;
		this.accounts = accounts;
	}

	void send(GrantsUser account, ClientAddress address) {
		ZonedDateTime now = ZonedDateTime.now(PartnershipCalendar.ZONE);
		this.sender.execute(() -> queue(account, address, now));
	}

	private void queue(GrantsUser account, ClientAddress address, ZonedDateTime at) {
		try {
			this.transactions.executeWithoutResult(status -> this.accounts.emailOf(account.username())
				.ifPresent(to -> this.outbox.queue(account.partnershipId(), to, SUBJECT, body(account, address, at))));
		}
		catch (RuntimeException ex) {
			log.warn("could not queue the sign-in warning for an account: {}", ex.getClass().getSimpleName());
		}
	}

	static String body(GrantsUser account, ClientAddress address, ZonedDateTime at) {
		String name = account.displayName() == null || account.displayName().isBlank() ? account.username()
				: account.displayName();
		return """
				Guten Tag %1$s,

				für Ihr Konto %2$s sind gerade mehrere Anmeldungen mit einem falschen Passwort \
				fehlgeschlagen (zuletzt am %3$s, von der Adresse %4$s). Anmeldungen für dieses Konto \
				sind deshalb für einige Minuten gesperrt.

				Waren Sie das selbst, melden Sie sich nach der Wartezeit wieder an. Waren Sie es nicht, \
				versucht vielleicht jemand, Ihr Passwort zu erraten: Verwenden Sie ein langes Passwort, \
				das Sie nirgends sonst nutzen, und wenden Sie sich an die Koordinierungs- und Fachstelle \
				Ihrer Partnerschaft.

				Diese Nachricht wurde automatisch versandt.

				--
				Several sign-ins to your account %2$s failed just now (the last on %3$s, from %4$s); \
				sign-ins to it are blocked for a few minutes. If that was not you, someone may be \
				guessing your password: use a long one that you use nowhere else and tell your \
				partnership's office.
				""".formatted(name, account.username(), WHEN.format(at), address.value());
	}

	@Override
	public void destroy() throws InterruptedException {
		this.sender.shutdown();
		this.sender.awaitTermination(5, TimeUnit.SECONDS);
	}

}
