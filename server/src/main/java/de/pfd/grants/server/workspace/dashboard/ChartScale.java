package de.pfd.grants.server.workspace.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis from zero to a "nice" top (1, 2, 2.5 or 5 times a power of ten per
 * step), mapped onto a length in pixels; exact in {@link BigDecimal}, positions rounded
 * to a tenth of a pixel. Negative values are drawn at zero.
 */
public record ChartScale(BigDecimal top, BigDecimal step, BigDecimal length) {

	private static final BigDecimal[] NICE = { BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("2.5"),
			new BigDecimal("5"), BigDecimal.TEN };

	/**
	 * A scale whose top is at least {@code max}, with at most {@code steps} steps; with
	 * {@code whole} the step is a whole number (for counts).
	 */
	public static ChartScale of(BigDecimal max, int steps, boolean whole, BigDecimal length) {
		if (max == null || max.signum() <= 0) {
			return new ChartScale(BigDecimal.ONE, BigDecimal.ONE, length);
		}
		BigDecimal raw = max.divide(BigDecimal.valueOf(steps), 10, RoundingMode.CEILING);
		int exponent = raw.precision() - raw.scale() - 1;
		BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
		BigDecimal step = null;
		for (BigDecimal nice : NICE) {
			BigDecimal candidate = nice.multiply(power);
			if (candidate.compareTo(raw) >= 0 && (!whole || isWhole(candidate))) {
				step = candidate;
				break;
			}
		}
		if (step == null) {
			step = BigDecimal.TEN.multiply(power);
		}
		if (whole && step.compareTo(BigDecimal.ONE) < 0) {
			step = BigDecimal.ONE;
		}
		BigDecimal count = max.divide(step, 0, RoundingMode.CEILING);
		return new ChartScale(step.multiply(count).stripTrailingZeros(), step.stripTrailingZeros(), length);
	}

	/** The distance of the value from zero along the axis, in pixels (one decimal). */
	public BigDecimal position(BigDecimal value) {
		if (value == null || value.signum() <= 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return value.multiply(this.length).divide(this.top, 1, RoundingMode.HALF_UP);
	}

	/** The tick values from zero to the top. */
	public List<BigDecimal> ticks() {
		List<BigDecimal> ticks = new ArrayList<>();
		for (BigDecimal tick = BigDecimal.ZERO; tick.compareTo(this.top) <= 0; tick = tick.add(this.step)) {
			ticks.add(tick.stripTrailingZeros());
		}
		return ticks;
	}

	private static boolean isWhole(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= 0;
	}

}
