package de.pfd.grants.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import de.pfd.grants.server.privacy.RetentionRule.Basis;
import de.pfd.grants.server.privacy.RetentionRule.Retention;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/**
 * The retention rule: until when a file is kept, when it is due, and what a request may
 * override.
 */
class RetentionRuleTest {

	private static final PartnershipSettings DEFAULTS = PartnershipSettings.DEFAULTS;

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	@Test
	void a_grant_file_settled_in_its_fund_year_is_kept_ten_years_after_the_end_of_that_year() {
		Retention retention = RetentionRule.of(ApplicationStatus.SETTLED, true, 2019, at("2019-11-05T10:00:00Z"),
				DEFAULTS);

		assertThat(retention.basis()).isEqualTo(Basis.GRANT_FILE);
		assertThat(retention.retainedUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
		assertThat(retention.dueOn(LocalDate.of(2029, 12, 31))).isFalse();
		assertThat(retention.dueOn(LocalDate.of(2030, 1, 1))).isTrue();
		assertThat(retention.why()).contains("10 Jahre nach Ablauf des Förderjahres 2019").contains("31.12.2029");
	}

	@Test
	void a_grant_file_closed_after_its_fund_year_is_kept_from_the_end_of_the_year_it_was_closed() {
		Retention retention = RetentionRule.of(ApplicationStatus.SETTLED, true, 2019, at("2020-03-01T10:00:00Z"),
				DEFAULTS);

		assertThat(retention.retainedUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
		assertThat(retention.why()).contains("Jahres des Abschlusses 2020");
	}

	@Test
	void the_year_is_counted_in_german_time_a_file_closed_at_half_past_midnight_on_new_year_belongs_to_the_new_year() {
		// 2019-12-31T23:30Z is 00:30 on 1 January 2020 in Germany
		Retention retention = RetentionRule.of(ApplicationStatus.CANCELLED, true, 2019, at("2019-12-31T23:30:00Z"),
				DEFAULTS);
		Retention before = RetentionRule.of(ApplicationStatus.CANCELLED, true, 2019, at("2019-12-31T22:30:00Z"),
				DEFAULTS);

		assertThat(retention.retainedUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
		assertThat(before.retainedUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
	}

	@Test
	void the_partnership_sets_its_own_periods() {
		PartnershipSettings own = new PartnershipSettings(true, 21, 12, 3);

		assertThat(RetentionRule.of(ApplicationStatus.SETTLED, true, 2019, at("2019-11-05T10:00:00Z"), own)
			.retainedUntil()).isEqualTo(LocalDate.of(2031, 12, 31));
		assertThat(RetentionRule.of(ApplicationStatus.REJECTED, false, 2019, at("2019-06-01T10:00:00Z"), own)
			.retainedUntil()).isEqualTo(LocalDate.of(2022, 12, 31));
	}

	@Test
	void a_file_never_granted_is_kept_one_year_after_the_end_of_the_year_it_ended_and_a_request_overrides_that() {
		for (ApplicationStatus status : new ApplicationStatus[] { ApplicationStatus.REJECTED,
				ApplicationStatus.WITHDRAWN, ApplicationStatus.NOT_FUNDED, ApplicationStatus.DRAFT }) {
			Retention retention = RetentionRule.of(status, false, 2019, at("2019-06-01T10:00:00Z"), DEFAULTS);

			assertThat(retention.basis()).as(status.name()).isEqualTo(Basis.NEVER_GRANTED);
			assertThat(retention.retainedUntil()).as(status.name()).isEqualTo(LocalDate.of(2020, 12, 31));
			assertThat(retention.dueOn(LocalDate.of(2020, 12, 31))).isFalse();
			assertThat(retention.dueOn(LocalDate.of(2021, 1, 1))).isTrue();
			assertThat(retention.erasableOn(LocalDate.of(2019, 7, 1), false)).isFalse();
			assertThat(retention.erasableOn(LocalDate.of(2019, 7, 1), true)).isTrue();
		}
	}

	@Test
	void an_application_of_a_later_fund_year_is_kept_from_the_end_of_the_fund_year() {
		// rejected in 2019 for the fund of 2020
		Retention retention = RetentionRule.of(ApplicationStatus.REJECTED, false, 2020, at("2019-11-01T10:00:00Z"),
				DEFAULTS);

		assertThat(retention.retainedUntil()).isEqualTo(LocalDate.of(2021, 12, 31));
	}

	@Test
	void a_grant_withdrawn_after_its_approval_is_a_grant_file_and_no_request_overrides_its_period() {
		Retention retention = RetentionRule.of(ApplicationStatus.WITHDRAWN, true, 2019, at("2019-06-01T10:00:00Z"),
				DEFAULTS);

		assertThat(retention.basis()).isEqualTo(Basis.GRANT_FILE);
		assertThat(retention.retainedUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
		assertThat(retention.erasableOn(LocalDate.of(2025, 1, 1), true)).isFalse();
		assertThat(retention.erasableOn(LocalDate.of(2030, 1, 1), false)).isTrue();
	}

	@Test
	void a_file_whose_procedure_still_runs_is_never_due_and_never_erased() {
		for (ApplicationStatus status : new ApplicationStatus[] { ApplicationStatus.SUBMITTED,
				ApplicationStatus.RETURNED_FOR_REVISION, ApplicationStatus.READY_FOR_DECISION,
				ApplicationStatus.IN_VOTING, ApplicationStatus.APPROVED, ApplicationStatus.WAITLISTED,
				ApplicationStatus.NO_DECISION, ApplicationStatus.PROOF_OF_USE_SUBMITTED,
				ApplicationStatus.REFUND_DUE }) {
			Retention retention = RetentionRule.of(status, status == ApplicationStatus.APPROVED, 2000,
					at("2000-06-01T10:00:00Z"), DEFAULTS);

			assertThat(retention.basis()).as(status.name()).isEqualTo(Basis.ONGOING);
			assertThat(retention.retainedUntil()).as(status.name()).isNull();
			assertThat(retention.dueOn(LocalDate.of(2200, 1, 1))).as(status.name()).isFalse();
			assertThat(retention.erasableOn(LocalDate.of(2200, 1, 1), true)).as(status.name()).isFalse();
		}
	}

}
