package de.pfd.grants.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;
import de.pfd.grants.shared.money.Money;

/** The small checks every handler of the command side makes. */
class ChecksTest {

	private static RuleViolation refusal(Runnable check) {
		return catchThrowableOfType(RuleViolationException.class, check::run).violation();
	}

	// check

	@Test
	void a_condition_that_holds_passes() {
		assertThatNoException().isThrownBy(() -> Checks.check(true, ErrorCode.INVALID_INPUT, "never", "field"));
	}

	@Test
	void a_condition_that_fails_is_refused_with_its_code_message_and_field() {
		assertThat(refusal(() -> Checks.check(false, ErrorCode.WRONG_STATUS, "not now", "status"))).isEqualTo(
				new RuleViolation(ErrorCode.WRONG_STATUS, "not now", List.of(new FieldViolation("status", "not now"))));
	}

	@Test
	void a_condition_without_a_field_names_no_field() {
		assertThat(refusal(() -> Checks.check(false, ErrorCode.CONFLICT, "busy", null)).fields()).isEmpty();
	}

	// requirePositive

	@Test
	void a_positive_amount_is_returned_as_it_is() {
		assertThat(Checks.requirePositive(Money.euros("0.01"), "a payout", "amount")).isEqualTo(Money.euros("0.01"));
	}

	@Test
	void zero_is_refused_with_INVALID_AMOUNT_naming_what_and_the_field() {
		RuleViolation violation = refusal(() -> Checks.requirePositive(Money.ZERO, "a payout", "amount"));
		assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
		assertThat(violation.message()).isEqualTo("a payout must be positive");
		assertThat(violation.fields()).extracting(FieldViolation::field).containsExactly("amount");
	}

	@Test
	void a_negative_amount_is_refused_with_INVALID_AMOUNT() {
		assertThat(refusal(() -> Checks.requirePositive(Money.euros("-1"), "a refund", "amount")).code())
			.isEqualTo(ErrorCode.INVALID_AMOUNT);
	}

	@Test
	void a_missing_amount_is_refused_with_INVALID_AMOUNT() {
		assertThat(refusal(() -> Checks.requirePositive(null, "a reservation", null)).code())
			.isEqualTo(ErrorCode.INVALID_AMOUNT);
	}

	// optionalText

	@Test
	void an_optional_text_is_stripped() {
		assertThat(Checks.optionalText("  proof of use by June \t")).isEqualTo("proof of use by June");
	}

	@Test
	void a_blank_or_missing_optional_text_is_none() {
		assertThat(Checks.optionalText(" \t\n ")).isNull();
		assertThat(Checks.optionalText(null)).isNull();
	}

	@Test
	void an_optional_text_of_the_longest_length_passes_and_one_character_more_is_refused() {
		String longest = "x".repeat(Checks.MAX_TEXT);
		assertThat(Checks.optionalText(longest)).isEqualTo(longest);
		assertThat(refusal(() -> Checks.optionalText(longest + "x")).code()).isEqualTo(ErrorCode.INVALID_INPUT);
	}

	// requiredText

	@Test
	void a_required_text_is_stripped() {
		assertThat(Checks.requiredText(" a reason ", "a reason is required", "note")).isEqualTo("a reason");
	}

	@Test
	void a_blank_required_text_is_refused_with_INVALID_INPUT_naming_the_field() {
		RuleViolation violation = refusal(() -> Checks.requiredText("  ", "a rejection needs a reason", "note"));
		assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_INPUT);
		assertThat(violation.message()).isEqualTo("a rejection needs a reason");
		assertThat(violation.fields()).extracting(FieldViolation::field).containsExactly("note");
	}

	@Test
	void a_missing_required_text_is_refused_with_INVALID_INPUT() {
		assertThat(refusal(() -> Checks.requiredText(null, "a rejection needs a reason", "note")).code())
			.isEqualTo(ErrorCode.INVALID_INPUT);
	}

}
