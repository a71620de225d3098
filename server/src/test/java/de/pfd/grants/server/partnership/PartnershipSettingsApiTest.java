package de.pfd.grants.server.partnership;

import static de.pfd.grants.server.Api.assertCode;
import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * The partnership's settings over HTTP, in a partnership of its own (the demo
 * partnership's settings stay as they are for the other tests): four eyes on and the
 * installation's 21 days until changed; the target is what the processing-time KPI
 * measures against.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnershipSettingsApiTest extends ApiTestSupport {

	private static final String SETTINGS = "/api/partnership/settings";

	@Autowired
	private CommandGateway commands;

	@Autowired
	private AccountStore accountStore;

	@Autowired
	private PasswordEncoder passwords;

	private String staff;

	private String auditor;

	private String applicant;

	@BeforeEach
	void aPartnershipOfItsOwn() {
		PartnershipId partnership = new PartnershipId("settings-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(partnership, "Partnerschaft " + partnership));
		TestAccounts accounts = new TestAccounts(this.accountStore, this.passwords, this.jdbc);
		this.staff = accounts.create(Role.STAFF, partnership);
		this.auditor = accounts.create(Role.AUDITOR, partnership);
		this.applicant = accounts.create(Role.APPLICANT, partnership);
	}

	@Test
	void a_partnership_that_never_changed_its_settings_has_four_eyes_and_the_default_target_of_21_days() {
		JsonNode settings = ok(this.api.get(this.staff, SETTINGS));

		assertThat(settings.get("fourEyesPayouts").asBoolean()).isTrue();
		assertThat(settings.get("processingTimeTargetDays").asInt()).isEqualTo(21);
		assertThat(ok(this.api.get(this.staff, "/api/processing-times")).get("targetDays").asInt()).isEqualTo(21);
	}

	@Test
	void staff_change_the_settings_auditors_read_them_and_the_processing_times_use_the_target() {
		JsonNode changed = ok(
				this.api.put(this.staff, SETTINGS, "{\"fourEyesPayouts\":false,\"processingTimeTargetDays\":14}"));

		assertThat(changed.get("fourEyesPayouts").asBoolean()).isFalse();
		assertThat(changed.get("processingTimeTargetDays").asInt()).isEqualTo(14);
		JsonNode read = ok(this.api.get(this.auditor, SETTINGS));
		assertThat(read.get("fourEyesPayouts").asBoolean()).isFalse();
		assertThat(read.get("processingTimeTargetDays").asInt()).isEqualTo(14);
		assertThat(ok(this.api.get(this.auditor, "/api/processing-times")).get("targetDays").asInt()).isEqualTo(14);
	}

	@Test
	void a_target_outside_1_to_365_days_is_refused_with_a_field_error() {
		long before = events();
		for (String days : new String[] { "0", "366", "-3" }) {
			var response = this.api.put(this.staff, SETTINGS,
					"{\"fourEyesPayouts\":true,\"processingTimeTargetDays\":" + days + "}");
			assertProblem(response, 400, "processingTimeTargetDays");
			assertCode(response, 400, "INVALID_INPUT");
		}
		assertProblem(this.api.put(this.staff, SETTINGS, "{\"processingTimeTargetDays\":21}"), 400, "fourEyesPayouts");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void only_staff_change_the_settings_and_applicants_do_not_read_them() {
		assertProblem(
				this.api.put(this.auditor, SETTINGS, "{\"fourEyesPayouts\":false,\"processingTimeTargetDays\":14}"),
				403, null);
		assertProblem(
				this.api.put(this.applicant, SETTINGS, "{\"fourEyesPayouts\":false,\"processingTimeTargetDays\":14}"),
				403, null);
		assertProblem(this.api.get(this.applicant, SETTINGS), 403, null);
		assertThat(ok(this.api.get(this.staff, SETTINGS)).get("fourEyesPayouts").asBoolean()).isTrue();
	}

}
