package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.persistence.privacy.PersonalDataCipher;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * AES-256-GCM per subject with the keys in {@code subject_key} on PostgreSQL: a text
 * decrypts only with its own subject's key and unchanged, and once the subject is erased
 * nothing decrypts and nothing new is encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataCipherTest extends ApiTestSupport {

	@Autowired
	PersonalDataCipher cipher;

	private final String subject = "application:" + UUID.randomUUID();

	@Test
	void a_text_is_encrypted_with_a_fresh_iv_each_time_and_decrypts_to_itself() {
		String first = this.cipher.encrypt(this.subject, "Anna Beispiel");
		String second = this.cipher.encrypt(this.subject, "Anna Beispiel");

		assertThat(first).startsWith("pd1:" + this.subject + ":").doesNotContain("Anna").isNotEqualTo(second);
		assertThat(this.cipher.decrypt(first)).isEqualTo("Anna Beispiel");
		assertThat(this.cipher.decrypt(second)).isEqualTo("Anna Beispiel");
		assertThat(this.cipher.decrypt("kein Geheimnis")).isEqualTo("kein Geheimnis");
	}

	@Test
	void a_changed_or_moved_ciphertext_does_not_decrypt() {
		String other = "application:" + UUID.randomUUID();
		this.cipher.encrypt(other, "x");
		String sealed = this.cipher.encrypt(this.subject, "Anna Beispiel");
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
		bytes[bytes.length - 1] ^= 1;
		String changed = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);

		assertThatThrownBy(() -> this.cipher.decrypt(changed)).isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("Anna");
		assertThatThrownBy(() -> this.cipher.decrypt(sealed.replace(this.subject, other)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void an_erased_subject_reads_as_erased_and_gets_no_new_key() {
		String sealed = this.cipher.encrypt(this.subject, "Anna Beispiel");
		this.cipher.keys().erase(this.subject, Instant.now());

		assertThat(this.cipher.decrypt(sealed)).isEqualTo(PersonalData.ERASED);
		assertThat(this.cipher.encrypt(this.subject, "Anna Beispiel")).isEqualTo(PersonalData.ERASED);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subject_key WHERE subject = ? AND secret IS NULL",
				Long.class, this.subject))
			.isEqualTo(1L);
		assertThat(PersonalDataCipher.tagLegacy(this.subject, "Anna")).startsWith("pd0:");
		assertThat(this.cipher.decrypt(PersonalDataCipher.tagLegacy(this.subject, "Anna")))
			.isEqualTo(PersonalData.ERASED);
	}

	@Test
	void a_stored_payload_is_read_with_its_texts_decrypted_and_every_other_byte_as_it_was() {
		String sealed = this.cipher.encrypt(this.subject, "Anna \"A.\" Beispiel");
		String forged = "pd1:" + this.subject + ":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		String json = "{\"name\":\"" + sealed + "\",\"title\":\"" + forged + "\",\"amount\":4500.00}";

		assertThat(this.cipher.decryptJson(json))
			.isEqualTo("{\"name\":\"Anna \\\"A.\\\" Beispiel\",\"title\":\"" + forged + "\",\"amount\":4500.00}");
	}

}
