package de.pfd.grants.server.workspace.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.money.Money;

/**
 * One export as a table, before it is written as CSV or XLSX: its name (the sheet's), the
 * column headings and the rows of typed cells, so that both files hold the same data and
 * each writes a type its own way (an amount is {@code 1234,56} in the CSV and a number
 * cell in the XLSX).
 */
public record ExportTable(String name, List<String> headings, List<List<Cell>> rows) {

	public ExportTable {
		headings = List.copyOf(headings);
		rows = List.copyOf(rows);
	}

	/** A cell of an export. */
	public sealed interface Cell permits Text, Amount, Day, Moment, Count {

	}

	/** What people typed, an id or a label: neutralised when written. */
	public record Text(String value) implements Cell {
	}

	/** Euros. */
	public record Amount(Money value) implements Cell {
	}

	/** A calendar day. */
	public record Day(LocalDate value) implements Cell {
	}

	/** An instant, written in the office's time (Europe/Berlin). */
	public record Moment(Instant value) implements Cell {
	}

	/** A whole number. */
	public record Count(Long value) implements Cell {
	}

	public static Cell text(Object value) {
		return new Text(value == null ? null : value.toString());
	}

	public static Cell amount(Money value) {
		return new Amount(value);
	}

	public static Cell day(LocalDate value) {
		return new Day(value);
	}

	public static Cell moment(Instant value) {
		return new Moment(value);
	}

	public static Cell count(Number value) {
		return new Count(value == null ? null : value.longValue());
	}

	/** Builds the rows of a table. */
	public static final class Rows {

		private final List<List<Cell>> rows = new ArrayList<>();

		public Rows add(Cell... cells) {
			this.rows.add(List.of(cells));
			return this;
		}

		public List<List<Cell>> list() {
			return this.rows;
		}

	}

}
