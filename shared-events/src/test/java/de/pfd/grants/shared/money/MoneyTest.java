package de.pfd.grants.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.PartnershipId;

class MoneyTest {

	// scale

	@Test
	void an_amount_with_three_significant_decimals_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.euros("1.005"))
			.withMessageContaining("at most two decimals");
	}

	@Test
	void a_tiny_fraction_of_a_cent_is_refused_and_not_rounded_away() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.euros("0.001"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("-12.349")));
	}

	@Test
	void one_decimal_is_normalised_to_scale_two() {
		Money money = Money.euros("1.5");

		assertThat(money.amount().scale()).isEqualTo(2);
		assertThat(money.amount()).isEqualTo(new BigDecimal("1.50"));
	}

	@Test
	void two_decimals_stay_as_they_are() {
		Money money = Money.euros("1.50");

		assertThat(money.amount().scale()).isEqualTo(2);
		assertThat(money.amount().toPlainString()).isEqualTo("1.50");
	}

	@Test
	void trailing_zeros_beyond_the_cent_are_accepted_and_normalised() {
		Money money = Money.euros("1.500");

		assertThat(money.amount().scale()).isEqualTo(2);
		assertThat(money).isEqualTo(Money.euros("1.50"));
	}

	@Test
	void whole_euros_get_two_decimals() {
		assertThat(Money.euros("35000").amount().toPlainString()).isEqualTo("35000.00");
		assertThat(Money.of(new BigDecimal("1E+3")).amount().toPlainString()).isEqualTo("1000.00");
	}

	@Test
	void the_same_amount_written_differently_is_equal_with_the_same_hash_code() {
		assertThat(Money.euros("7")).isEqualTo(Money.euros("7.0")).isEqualTo(Money.euros("7.00"));
		assertThat(Money.euros("7").hashCode()).isEqualTo(Money.euros("7.00").hashCode());
		assertThat(Money.ZERO).isEqualTo(Money.euros("0.00"));
		assertThat(Money.ZERO.amount().scale()).isEqualTo(2);
	}

	@Test
	void a_missing_amount_is_refused() {
		assertThatNullPointerException().isThrownBy(() -> Money.of(null));
	}

	// limits

	@Test
	void one_hundred_million_is_the_largest_amount() {
		assertThat(Money.euros("100000000.00").amount()).isEqualTo(Money.LIMIT);
		assertThat(Money.euros("-100000000.00").amount()).isEqualTo(Money.LIMIT.negate());
	}

	@Test
	void an_amount_above_one_hundred_million_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.euros("100000000.01"))
			.withMessageContaining("out of range");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.euros("-100000000.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.euros("99999999999"));
	}

	@Test
	void a_sum_above_the_limit_is_refused_instead_of_overflowing() {
		Money limit = Money.euros("100000000.00");

		assertThatIllegalArgumentException().isThrownBy(() -> limit.plus(Money.euros("0.01")));
		assertThatIllegalArgumentException().isThrownBy(() -> limit.negate().minus(Money.euros("0.01")));
	}

	// arithmetic

	@Test
	void plus_adds_exactly() {
		assertThat(Money.euros("0.10").plus(Money.euros("0.20"))).isEqualTo(Money.euros("0.30"));
		assertThat(Money.euros("35000.00").plus(Money.euros("-5000.50"))).isEqualTo(Money.euros("29999.50"));
	}

	@Test
	void minus_subtracts_and_may_go_negative() {
		assertThat(Money.euros("100.00").minus(Money.euros("0.01"))).isEqualTo(Money.euros("99.99"));
		assertThat(Money.euros("1.00").minus(Money.euros("2.50"))).isEqualTo(Money.euros("-1.50"));
	}

	@Test
	void negate_flips_the_sign() {
		assertThat(Money.euros("12.34").negate()).isEqualTo(Money.euros("-12.34"));
		assertThat(Money.euros("-12.34").negate()).isEqualTo(Money.euros("12.34"));
		assertThat(Money.ZERO.negate()).isEqualTo(Money.ZERO);
	}

	@Test
	void arithmetic_results_keep_scale_two() {
		assertThat(Money.euros("1.10").plus(Money.euros("1.90")).amount().toPlainString()).isEqualTo("3.00");
		assertThat(Money.euros("5").minus(Money.euros("5")).amount().toPlainString()).isEqualTo("0.00");
	}

	// comparisons

	@Test
	void comparisons_order_by_amount() {
		Money small = Money.euros("10.00");
		Money large = Money.euros("10.01");

		assertThat(large.isGreaterThan(small)).isTrue();
		assertThat(small.isGreaterThan(large)).isFalse();
		assertThat(small.isLessThan(large)).isTrue();
		assertThat(large.isLessThan(small)).isFalse();
		assertThat(small.compareTo(large)).isNegative();
		assertThat(large.compareTo(small)).isPositive();
	}

	@Test
	void equal_amounts_are_neither_greater_nor_less() {
		Money a = Money.euros("10");
		Money b = Money.euros("10.00");

		assertThat(a.isGreaterThan(b)).isFalse();
		assertThat(a.isLessThan(b)).isFalse();
		assertThat(a.compareTo(b)).isZero();
	}

	@Test
	void sign_tests_tell_positive_negative_and_zero_apart() {
		assertThat(Money.euros("0.01").isPositive()).isTrue();
		assertThat(Money.euros("0.01").isNegative()).isFalse();
		assertThat(Money.euros("0.01").isZero()).isFalse();

		assertThat(Money.euros("-0.01").isNegative()).isTrue();
		assertThat(Money.euros("-0.01").isPositive()).isFalse();
		assertThat(Money.euros("-0.01").isZero()).isFalse();

		assertThat(Money.ZERO.isZero()).isTrue();
		assertThat(Money.ZERO.isPositive()).isFalse();
		assertThat(Money.ZERO.isNegative()).isFalse();
	}

	@Test
	void min_picks_the_smaller_amount() {
		assertThat(Money.min(Money.euros("3"), Money.euros("2.99"))).isEqualTo(Money.euros("2.99"));
		assertThat(Money.min(Money.euros("-1"), Money.euros("2"))).isEqualTo(Money.euros("-1"));
	}

	@Test
	void to_string_shows_two_decimals_and_the_currency() {
		assertThat(Money.euros("35000")).hasToString("35000.00 EUR");
		assertThat(Money.euros("-0.5")).hasToString("-0.50 EUR");
	}

	// ids

	@Test
	void a_fund_id_is_derived_from_partnership_type_and_year() {
		FundId id = FundId.of(new PartnershipId("kreis-mettmann"), FundType.ACTION_FUND, 2019);

		assertThat(id.value()).isEqualTo("kreis-mettmann-action-fund-2019");
		assertThat(FundId.of(new PartnershipId("kreis-mettmann"), FundType.YOUTH_FUND, 2020).value())
			.isEqualTo("kreis-mettmann-youth-fund-2020");
	}

	@Test
	void a_blank_fund_id_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FundId(" "));
	}

	@Test
	void a_readable_partnership_id_is_accepted() {
		assertThat(new PartnershipId("kreis-mettmann").value()).isEqualTo("kreis-mettmann");
	}

	@Test
	void a_partnership_id_with_capitals_or_spaces_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("Kreis Mettmann"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("kreis mettmann"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("Kreis-Mettmann"));
	}

	@Test
	void a_partnership_id_that_looks_like_a_path_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("a/b"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PartnershipId("-leading-dash"));
	}

}
