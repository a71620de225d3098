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
record ExportTable(String name, List<String> headings, List<List<Cell>> rows) {

	ExportTable {
		headings = List.copyOf(headings);
		rows = List.copyOf(rows);
	}

	/** A cell of an export. */
	sealed interface Cell permits Text, Amount, Day, Moment, Count {

	}

	/** What people typed, an id or a label: neutralised when written. */
	record Text(String value) implements Cell {
	}

	/** Euros. */
	record Amount(Money value) implements Cell {
	}

	/** A calendar day. */
	record Day(LocalDate value) implements Cell {
	}

	/** An instant, written in the office's time (Europe/Berlin). */
	record Moment(Instant value) implements Cell {
	}

	/** A whole number. */
	record Count(Long value) implements Cell {
	}

	static Cell text(Object value) {
		return new Text(value == null ? null : value.toString());
	}

	static Cell amount(Money value) {
		return new Amount(value);
	}

	static Cell day(LocalDate value) {
		return new Day(value);
	}

	static Cell moment(Instant value) {
		return new Moment(value);
	}

	static Cell count(Number value) {
		return new Count(value == null ? null : value.longValue());
	}

	/** Builds the rows of a table. */
	static final class Rows {

		private final List<List<Cell>> rows = new ArrayList<>();

		Rows add(Cell... cells) {
			this.rows.add(List.of(cells));
			return this;
		}

		List<List<Cell>> list() {
			return this.rows;
		}

	}

}
