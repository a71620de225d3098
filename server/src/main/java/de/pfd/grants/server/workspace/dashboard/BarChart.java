package de.pfd.grants.server.workspace.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.money.Money;

/**
 * Horizontal bars as an SVG: one group per category (an action field, a stage), one bar
 * per series in it (approved, reserved, paid), each labelled with its value at its end so
 * that nothing depends on colour. Pure: coordinates only; the fragment
 * {@code fonds/diagramme :: balken} draws it with the category and series names.
 */
public record BarChart(int width, int height, int labelWidth, ChartScale scale, List<Group> groups,
		List<ValueTick> ticks, int series, String viewBox, int plotTop, int plotBottom) {

	public static final int WIDTH = 640;

	/** Room for the category names on the left. */
	public static final int LABEL_WIDTH = 190;

	/** Room for the value at the end of the longest bar. */
	public static final int VALUE_ROOM = 110;

	public static final int BAR = 18;

	public static final int GAP = 4;

	public static final int GROUP_GAP = 16;

	public static final int TOP = 8;

	/** Room for the axis labels below. */
	public static final int BOTTOM = 28;

	/** A category and its bars; {@code labelY}: the baseline of its name. */
	public record Group(int category, BigDecimal labelY, List<Bar> bars) {
	}

	/** A bar: its series, value, rectangle and where its value label sits. */
	public record Bar(int series, BigDecimal value, int x, int y, BigDecimal width, int height, BigDecimal labelX,
			BigDecimal labelY) {

		/** The value as money (for a chart of money). */
		public Money money() {
			return BarChart.money(this.value);
		}

	}

	/** A gridline: value and x. */
	public record ValueTick(BigDecimal value, BigDecimal x) {

		/** The value as money (for a chart of money). */
		public Money money() {
			return BarChart.money(this.value);
		}

	}

	static Money money(BigDecimal value) {
		return Money.of(value.setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * The chart of {@code values[category][series]}; {@code whole}: the values are
	 * counts.
	 */
	public static BarChart of(List<List<BigDecimal>> values, boolean whole) {
		int series = values.isEmpty() ? 0 : values.get(0).size();
		BigDecimal max = BigDecimal.ZERO;
		for (List<BigDecimal> row : values) {
			if (row.size() != series) {
				throw new IllegalArgumentException("every category needs a value per series");
			}
			for (BigDecimal value : row) {
				max = max.max(value);
			}
		}
		int plotWidth = WIDTH - LABEL_WIDTH - VALUE_ROOM;
		ChartScale scale = ChartScale.of(max, 4, whole, BigDecimal.valueOf(plotWidth));
		int groupHeight = series * BAR + Math.max(0, series - 1) * GAP;
		List<Group> groups = new ArrayList<>();
		int y = TOP;
		for (int c = 0; c < values.size(); c++) {
			List<Bar> bars = new ArrayList<>();
			for (int s = 0; s < series; s++) {
				BigDecimal value = values.get(c).get(s);
				int barY = y + s * (BAR + GAP);
				BigDecimal barWidth = scale.position(value);
				bars.add(new Bar(s, value, LABEL_WIDTH, barY, barWidth, BAR,
						BigDecimal.valueOf(LABEL_WIDTH + 6L).add(barWidth), BigDecimal.valueOf(barY + BAR - 5L)));
			}
			groups.add(new Group(c, BigDecimal.valueOf(y + groupHeight / 2 + 5L), bars));
			y += groupHeight + GROUP_GAP;
		}
		int plotBottom = y - GROUP_GAP;
		List<ValueTick> ticks = scale.ticks()
			.stream()
			.map(tick -> new ValueTick(tick, BigDecimal.valueOf(LABEL_WIDTH).add(scale.position(tick))))
			.toList();
		int height = plotBottom + BOTTOM;
		return new BarChart(WIDTH, height, LABEL_WIDTH, scale, groups, ticks, series, "0 0 " + WIDTH + " " + height,
				TOP, plotBottom);
	}

}
