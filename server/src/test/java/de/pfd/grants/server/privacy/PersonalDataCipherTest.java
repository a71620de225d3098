package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationRegistered;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;
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
// a context of its own: its years (the default context has given out nearly all) and a
// store that no test edits behind the chain's back (the erasure test verifies the whole
// history)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "grants.test.context=privacy")
class PersonalDataCipherTest extends ApiTestSupport {

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	@Qualifier("eventSerializer")
	Serializer events;

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
	void every_kind_of_event_with_personal_texts_is_stored_without_them_and_read_as_it_was() {
		ApplicationId app = new ApplicationId(UUID.randomUUID().toString());
		OrganisationId org = new OrganisationId(UUID.randomUUID().toString());
		PartnershipId p = new PartnershipId("kreis-mettmann");
		FundId fund = new FundId("kreis-mettmann-action-fund-2096");
		Member member = new Member("board-" + app.value(), "Geheim Mitglied", "Kulturverein", true, List.of(org));
		ApplicationContent content = new ApplicationContent(
				"T", null, null, null, null, null, null, null, new Applicant("Geheim Verein", LegalForm.PRIVATE_PERSON,
						"Geheim Name", "geheim@example.org", "Geheimweg 1", null),
				List.of(), List.of(), Money.euros("1000.00"));
		List<Object> events = List.of(new ApplicationDrafted(app, p, fund, "applicant1", content, org),
				new ApplicationDraftUpdated(app, content), new ApplicationSubmitted(app, fund, 1, content, null),
				new ApplicationWithdrawn(app, fund, ApplicationStatus.DRAFT, "Geheim Grund"),
				new MemberRecused(app, "board1", "Geheim Befangen", false),
				new DocumentAttached(app, new DocumentId("d-1"), DocumentKind.OFFER, "Geheim.pdf", "application/pdf", 1,
						"ab".repeat(32), "applicant1"),
				new OrganisationRegistered(org, p, "Geheim e.V.", LegalForm.INITIATIVE, "Geheimweg 2", "Geheim Kontakt",
						"kontakt@geheim.example"),
				new MemberAdded(new DecisionBodyId("kreis-mettmann-steering-board"), member),
				new VoteOpened(app, 1, DecisionBodyType.STEERING_BOARD, VoteProcedure.MEETING, null, List.of(member),
						new VotingRules(1, 50, Duration.ofDays(7)), null));

		for (Object event : events) {
			SerializedObject<String> stored = this.events.serialize(event, String.class);
			assertThat(stored.getData()).as(event.getClass().getSimpleName())
				.doesNotContain("Geheim")
				.doesNotContain("geheim")
				.contains("\"pd1:");
			assertThat(stored.getType().getRevision()).isEqualTo("2");
			assertThat((Object) this.events.deserialize(stored)).isEqualTo(event);
		}
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
