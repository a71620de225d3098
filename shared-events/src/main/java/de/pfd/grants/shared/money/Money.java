package de.pfd.grants.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An exact amount of euros with two decimals. Signed, because budget adjustments and
 * running balances can be negative; rules that need a positive amount say so themselves.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

	/**
	 * The one upper limit for an amount of money, far above any fund of the programme:
	 * every amount a client sends and every sum the product forms stays within it. A
	 * string, so that validation annotations can name it.
	 */
	public static final String MAX_EUROS = "100000000.00";

	/** {@link #MAX_EUROS} as a number. */
	public static final BigDecimal LIMIT = new BigDecimal(MAX_EUROS);

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		Objects.requireNonNull(amount, "amount");
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("money has at most two decimals: " + amount.toPlainString());
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
		if (amount.abs().compareTo(LIMIT) > 0) {
			throw new IllegalArgumentException("amount out of range: " + amount.toPlainString());
		}
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	public static Money euros(String amount) {
		return new Money(new BigDecimal(amount));
	}

	@JsonValue
	@Override
	public BigDecimal amount() {
		return this.amount;
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(other.amount));
	}

	public Money negate() {
		return new Money(this.amount.negate());
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public static Money min(Money a, Money b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " EUR";
	}

}
