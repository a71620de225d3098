package de.pfd.grants.server.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password: too many failed sign-ins for the
 * account or from the client's address, for {@link #retryAfterSeconds()} more seconds.
 */
public class SignInThrottled extends AuthenticationException {

	private final long retryAfterSeconds;

	public SignInThrottled(long retryAfterSeconds) {
		super("too many failed sign-ins");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/** What a person reads: German first, then English. */
	public String message() {
		return message(this.retryAfterSeconds);
	}

	/** For the sign-in page: German only. */
	public String germanMessage() {
		long seconds = this.retryAfterSeconds;
		String wait = seconds < 120 ? seconds + " Sekunden" : ((seconds + 59) / 60) + " Minuten";
		return "Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie " + wait + " und versuchen Sie es dann erneut.";
	}

	static String message(long seconds) {
		String wait = seconds < 120 ? seconds + " Sekunden" : ((seconds + 59) / 60) + " Minuten";
		String waitEnglish = seconds < 120 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
		return "Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie " + wait
				+ " und versuchen Sie es dann erneut / too many failed sign-ins, try again in " + waitEnglish;
	}

}
