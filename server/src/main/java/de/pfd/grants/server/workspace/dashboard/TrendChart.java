package de.pfd.grants.server.workspace.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small line (sparkline) of a value per period, e.g. the average processing days per
 * month, against a target drawn as a dashed line; a period without a value leaves a gap
 * and no mark. Pure: coordinates only; the fragment {@code fonds/diagramme :: trend}
 * draws it.
 */
public record TrendChart(int width, int height, ChartScale scale, List<Mark> marks, String line, BigDecimal targetY,
		String viewBox) {

	public static final int WIDTH = 320;

	public static final int HEIGHT = 80;

	public static final int PAD = 8;

	/** Where the target line starts. */
	public int left() {
		return PAD;
	}

	/** Where the target line ends. */
	public int right() {
		return this.width - PAD;
	}

	/** A period's value (null: none) and, if it has one, its point. */
	public record Mark(int period, BigDecimal value, BigDecimal x, BigDecimal y) {
	}

	/** The trend of the values (null for a period without one) against the target. */
	public static TrendChart of(List<BigDecimal> values, BigDecimal target) {
		BigDecimal max = target == null ? BigDecimal.ZERO : target;
		for (BigDecimal value : values) {
			if (value != null) {
				max = max.max(value);
			}
		}
		int plotHeight = HEIGHT - 2 * PAD;
		ChartScale scale = ChartScale.of(max, 2, false, BigDecimal.valueOf(plotHeight));
		int n = values.size();
		List<Mark> marks = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		boolean drawing = false;
		for (int i = 0; i < n; i++) {
			BigDecimal value = values.get(i);
			BigDecimal x = n == 1 ? BigDecimal.valueOf(WIDTH / 2).setScale(1)
					: BigDecimal.valueOf(PAD)
						.add(BigDecimal.valueOf((long) i * (WIDTH - 2 * PAD))
							.divide(BigDecimal.valueOf(n - 1), 1, RoundingMode.HALF_UP));
			if (value == null) {
				marks.add(new Mark(i, null, x, null));
				drawing = false;
				continue;
			}
			BigDecimal y = BigDecimal.valueOf(HEIGHT - PAD).subtract(scale.position(value));
			marks.add(new Mark(i, value, x, y));
			line.append(line.isEmpty() ? "" : " ")
				.append(drawing ? "L" : "M")
				.append(x.toPlainString())
				.append(' ')
				.append(y.toPlainString());
			drawing = true;
		}
		BigDecimal targetY = target == null ? null : BigDecimal.valueOf(HEIGHT - PAD).subtract(scale.position(target));
		return new TrendChart(WIDTH, HEIGHT, scale, marks, line.toString(), targetY, "0 0 " + WIDTH + " " + HEIGHT);
	}

}
