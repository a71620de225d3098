package de.pfd.grants.command.partnership;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.ChangePartnershipSettingsCommand;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import de.pfd.grants.shared.partnership.PartnershipSettingsChanged;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

class PartnershipTest {

	private static final PartnershipId KREIS_METTMANN = new PartnershipId("kreis-mettmann");

	private FixtureConfiguration<Partnership> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Partnership.class);
	}

	@Test
	void registering_a_partnership_emits_partnership_registered() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, "Kreis Mettmann"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"));
	}

	@Test
	void the_registered_name_is_stripped_of_surrounding_blanks() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, "  Kreis Mettmann\t"))
			.expectEvents(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"));
	}

	@Test
	void a_name_of_200_characters_is_accepted() {
		String name = "x".repeat(200);
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, name))
			.expectEvents(new PartnershipRegistered(KREIS_METTMANN, name));
	}

	@Test
	void a_blank_name_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, "   "))
			.expectException(RuleViolationException.class)
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectExceptionMessage("a partnership needs a name of at most 200 characters")
			.expectNoEvents();
	}

	@Test
	void an_empty_name_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, ""))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_missing_name_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	@Test
	void a_name_longer_than_200_characters_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(new RegisterPartnershipCommand(KREIS_METTMANN, "x".repeat(201)))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT))
			.expectNoEvents();
	}

	// settings

	@Test
	void staff_turn_four_eyes_off_and_set_the_processing_time_target() {
		this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, false, 14))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, false, 14))
			.expectState(partnership -> org.assertj.core.api.Assertions.assertThat(partnership.settings())
				.isEqualTo(new PartnershipSettings(false, 14)));
	}

	@Test
	void a_partnership_that_never_changed_its_settings_has_four_eyes() {
		this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 21))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, true, 21));
		org.assertj.core.api.Assertions.assertThat(PartnershipSettings.DEFAULTS.fourEyesPayouts()).isTrue();
	}

	@Test
	void the_same_settings_again_change_nothing() {
		this.fixture
			.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"),
					new PartnershipSettingsChanged(KREIS_METTMANN, false, 14))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, false, 14))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void a_target_outside_1_to_365_days_is_refused_naming_processingTimeTargetDays() {
		for (int days : new int[] { 0, 366, -1 }) {
			this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
				.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, days))
				.expectException(refusedWith(ErrorCode.INVALID_INPUT, "processingTimeTargetDays"))
				.expectNoEvents();
		}
		this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 365))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, true, 365));
	}

	@Test
	void staff_set_the_retention_periods_and_a_later_change_without_them_keeps_them() {
		this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 21, 12, 2))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, true, 21, 12, 2));
		this.fixture
			.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"),
					new PartnershipSettingsChanged(KREIS_METTMANN, true, 21, 12, 2))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, false, 21))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, false, 21, 12, 2))
			.expectState(partnership -> org.assertj.core.api.Assertions.assertThat(partnership.settings())
				.isEqualTo(new PartnershipSettings(false, 21, 12, 2)));
	}

	@Test
	void a_retention_period_outside_1_to_30_years_is_refused_naming_its_field() {
		for (int years : new int[] { 0, 31, -1 }) {
			this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
				.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 21, years, null))
				.expectException(refusedWith(ErrorCode.INVALID_INPUT, "retentionYears"))
				.expectNoEvents();
			this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
				.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 21, null, years))
				.expectException(refusedWith(ErrorCode.INVALID_INPUT, "unsuccessfulRetentionYears"))
				.expectNoEvents();
		}
		this.fixture.given(new PartnershipRegistered(KREIS_METTMANN, "Kreis Mettmann"))
			.when(new ChangePartnershipSettingsCommand(KREIS_METTMANN, true, 21, 30, 1))
			.expectEvents(new PartnershipSettingsChanged(KREIS_METTMANN, true, 21, 30, 1));
	}

}
