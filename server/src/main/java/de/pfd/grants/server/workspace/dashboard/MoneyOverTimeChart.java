package de.pfd.grants.server.workspace.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.money.Money;

/**
 * The money of a fund over time as an SVG: the budget as a (dashed) line, the reserved
 * and the paid money as areas, from the fund's figures at given days. Days lie along the
 * x axis by date between {@code from} and {@code to}, money along the y axis from zero.
 * Pure: coordinates only; the fragment {@code fonds/diagramme :: geld} draws it.
 */
public record MoneyOverTimeChart(int width, int height, Box plot, ChartScale scale, List<Point> points,
		String budgetLine, String reservedArea, String paidArea, List<ValueTick> yTicks, List<DayTick> xTicks,
		String viewBox) {

	public static final int WIDTH = 640;

	public static final int HEIGHT = 300;

	/** Room for the money labels on the left, the month labels below. */
	public static final Box PLOT = new Box(88, 16, 520, 244);

	/** The figures at the end of a day. */
	public record Point(LocalDate day, Money budget, Money reserved, Money paid, BigDecimal x, BigDecimal budgetY,
			BigDecimal reservedY, BigDecimal paidY) {
	}

	/** The plot's rectangle in the SVG's coordinates. */
	public record Box(int left, int top, int width, int height) {

		public int right() {
			return this.left + this.width;
		}

		public int bottom() {
			return this.top + this.height;
		}

	}

	/** A money gridline: its value and height. */
	public record ValueTick(Money value, BigDecimal y) {
	}

	/** A month's start along the x axis. */
	public record DayTick(LocalDate day, BigDecimal x) {
	}

	/** The figures of one day, before they are placed. */
	public record Figures(LocalDate day, Money budget, Money reserved, Money paid) {
	}

	/**
	 * The chart of the figures (in order of their days) over the days {@code from} to
	 * {@code to}.
	 */
	public static MoneyOverTimeChart of(LocalDate from, LocalDate to, List<Figures> figures) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to is before from");
		}
		BigDecimal max = BigDecimal.ZERO;
		for (Figures f : figures) {
			max = max.max(f.budget().amount()).max(f.reserved().amount()).max(f.paid().amount());
		}
		ChartScale scale = ChartScale.of(max, 5, false, BigDecimal.valueOf(PLOT.height()));
		long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
		List<Point> points = new ArrayList<>();
		for (Figures f : figures) {
			BigDecimal x = x(from, days, f.day());
			points.add(new Point(f.day(), f.budget(), f.reserved(), f.paid(), x, y(scale, f.budget()),
					y(scale, f.reserved()), y(scale, f.paid())));
		}
		List<ValueTick> yTicks = scale.ticks()
			.stream()
			.map(tick -> new ValueTick(Money.of(tick.setScale(2, RoundingMode.UNNECESSARY)), y(scale, tick)))
			.toList();
		List<DayTick> xTicks = new ArrayList<>();
		long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
		long every = Math.max(1, (months + 11) / 12);
		LocalDate month = from.withDayOfMonth(1);
		if (month.isBefore(from)) {
			month = month.plusMonths(1);
		}
		for (int i = 0; !month.isAfter(to); month = month.plusMonths(1), i++) {
			if (i % every == 0) {
				xTicks.add(new DayTick(month, x(from, days, month)));
			}
		}
		return new MoneyOverTimeChart(WIDTH, HEIGHT, PLOT, scale, points, line(points, Point::budgetY),
				area(points, Point::reservedY), area(points, Point::paidY), yTicks, xTicks,
				"0 0 " + WIDTH + " " + HEIGHT);
	}

	private static BigDecimal x(LocalDate from, long days, LocalDate day) {
		long offset = Math.min(days, Math.max(0, ChronoUnit.DAYS.between(from, day)));
		return BigDecimal.valueOf(PLOT.left())
			.add(BigDecimal.valueOf(offset * PLOT.width()).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP));
	}

	private static BigDecimal y(ChartScale scale, Money value) {
		return y(scale, value.amount());
	}

	private static BigDecimal y(ChartScale scale, BigDecimal value) {
		return BigDecimal.valueOf(PLOT.bottom()).subtract(scale.position(value));
	}

	private interface Coordinate {

		BigDecimal of(Point point);

	}

	/** {@code M x y L x y …}; empty without points. */
	static String line(List<Point> points, Coordinate y) {
		StringBuilder path = new StringBuilder();
		for (Point p : points) {
			path.append(path.isEmpty() ? "M" : " L")
				.append(p.x().toPlainString())
				.append(' ')
				.append(y.of(p).toPlainString());
		}
		return path.toString();
	}

	/** The line closed down to the x axis; empty without points. */
	static String area(List<Point> points, Coordinate y) {
		if (points.isEmpty()) {
			return "";
		}
		String bottom = BigDecimal.valueOf(PLOT.bottom()).setScale(1).toPlainString();
		StringBuilder path = new StringBuilder("M").append(points.get(0).x().toPlainString())
			.append(' ')
			.append(bottom);
		for (Point p : points) {
			path.append(" L").append(p.x().toPlainString()).append(' ').append(y.of(p).toPlainString());
		}
		path.append(" L")
			.append(points.get(points.size() - 1).x().toPlainString())
			.append(' ')
			.append(bottom)
			.append(" Z");
		return path.toString();
	}

}
