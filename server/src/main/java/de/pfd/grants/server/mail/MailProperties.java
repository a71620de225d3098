package de.pfd.grants.server.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code grants.mail.*}: the sender address and how the outbox worker polls and retries.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address ({@code From}), required once an SMTP server is set
 * @param pollInterval how often the worker looks for due mails
 * @param claimTimeout how long a node keeps a mail it is sending from the others; a node
 * that dies while sending leaves it due again after this (longer than any SMTP timeout)
 * @param retry the back-off after a failed attempt
 */
@ConfigurationProperties("grants.mail")
public record MailProperties(String from, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10m") Duration claimTimeout, @DefaultValue Retry retry) {

	/**
	 * The first retry after {@code initialDelay}, each further one after twice the
	 * previous wait, at most {@code maxDelay}; never given up.
	 */
	public record Retry(@DefaultValue("30s") Duration initialDelay, @DefaultValue("1h") Duration maxDelay) {

		/** The wait after the given failed attempt (1 for the first). */
		Duration after(int attempt) {
			Duration delay = this.initialDelay;
			for (int i = 1; i < attempt && delay.compareTo(this.maxDelay) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return delay.compareTo(this.maxDelay) < 0 ? delay : this.maxDelay;
		}

	}

}
