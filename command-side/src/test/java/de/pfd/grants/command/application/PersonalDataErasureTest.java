package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.Instant;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.privacy.ErasePersonalDataCommand;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * The grant file's personal data are erased once, for a stated reason: the event names
 * the subject whose key goes with it; the application stays as it is.
 */
class PersonalDataErasureTest {

	private static final Instant AT = Instant.parse("2036-01-15T09:00:00Z");

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	@Test
	void erasing_emits_personal_data_erased_naming_the_grant_files_subject_and_the_stripped_reason() {
		this.fixture.given(Applications.readyForDecision())
			.when(new ErasePersonalDataCommand(Applications.APPLICATION, "  Aufbewahrungsfrist abgelaufen ", "staff",
					AT))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new PersonalDataErased(Applications.APPLICATION, Applications.PARTNERSHIP,
					"application:" + Applications.APPLICATION.value(), "Aufbewahrungsfrist abgelaufen", AT));
	}

	@Test
	void a_second_erasure_is_refused() {
		this.fixture.given(Applications.drafted(), erased())
			.when(new ErasePersonalDataCommand(Applications.APPLICATION, "noch einmal", "staff", AT))
			.expectException(refusedWith(ErrorCode.ALREADY_ERASED));
	}

	@Test
	void an_erasure_without_a_reason_or_with_a_reason_over_500_characters_is_refused_at_the_reason() {
		this.fixture.given(Applications.drafted())
			.when(new ErasePersonalDataCommand(Applications.APPLICATION, " ", "staff", AT))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "reason"));
		this.fixture.given(Applications.drafted())
			.when(new ErasePersonalDataCommand(Applications.APPLICATION, "x".repeat(501), "staff", AT))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "reason"));
	}

	@Test
	void an_erased_draft_can_no_longer_be_changed_or_submitted() {
		this.fixture.given(Applications.drafted(), erased())
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.ALREADY_ERASED));
		this.fixture.given(Applications.drafted(), erased())
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.ALREADY_ERASED));
	}

	private static PersonalDataErased erased() {
		return new PersonalDataErased(Applications.APPLICATION, Applications.PARTNERSHIP,
				"application:" + Applications.APPLICATION.value(), "Auf Antrag", AT);
	}

}
