package de.pfd.grants.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.internet.InternetAddress;

/** The back-off, what a failure leaves in {@code last_error}, and the sender address. */
class MailRetryTest {

	private final MailProperties.Retry retry = new MailProperties.Retry(Duration.ofSeconds(30), Duration.ofHours(1));

	@Test
	void the_wait_starts_at_30_seconds_doubles_and_stays_at_an_hour() {
		assertThat(this.retry.after(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.retry.after(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.retry.after(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.retry.after(7)).isEqualTo(Duration.ofSeconds(1920));
		assertThat(this.retry.after(8)).isEqualTo(Duration.ofHours(1));
		assertThat(this.retry.after(1000)).isEqualTo(Duration.ofHours(1));
		assertThat(this.retry.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void a_refused_recipient_is_described_by_types_and_reply_code_never_by_the_address() throws Exception {
		String address = "erika.mustermann@example.org";
		SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress(address), "RCPT TO",
				550, "550 5.1.1 <" + address + ">: Recipient address rejected");
		MailSendException failure = new MailSendException(Map.of(new Object(), refused));
		assertThat(failure.getMessage()).contains(address);

		String error = MailWorker.describe(failure);

		assertThat(error).isEqualTo("MailSendException > SMTPAddressFailedException (SMTP 550)");
		assertThat(error).doesNotContain("erika");
	}

	@Test
	void a_server_that_is_down_is_described_by_the_chain_of_types() {
		MailConnectException connect = new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
				"refused", new ConnectException("refused"), "127.0.0.1", 2525, 10000));
		String error = MailWorker.describe(new MailSendException("Mail server connection failed", connect));

		assertThat(error).startsWith("MailSendException > MailConnectException > ");
		assertThat(error).endsWith("ConnectException");
		assertThat(error.length()).isLessThanOrEqualTo(MailWorker.MAX_ERROR_LENGTH);
	}

	@Test
	void a_worker_that_could_send_needs_a_valid_sender_address() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		assertThatThrownBy(() -> worker(sender, null)).hasMessageContaining("grants.mail.from");
		assertThatThrownBy(() -> worker(sender, " ")).hasMessageContaining("grants.mail.from");
		assertThatThrownBy(() -> worker(sender, "not an address")).hasMessageContaining("grants.mail.from");
		worker(sender, "Partnerschaft für Demokratie <noreply@pfd.example>");
		// without an SMTP server it never sends, so it needs none
		worker(null, null);
	}

	private static MailWorker worker(JavaMailSenderImpl sender, String from) {
		return new MailWorker(null, sender, new MailProperties(from, Duration.ofSeconds(5), Duration.ofMinutes(10),
				new MailProperties.Retry(Duration.ofSeconds(30), Duration.ofHours(1))), Clock.systemUTC());
	}

}
