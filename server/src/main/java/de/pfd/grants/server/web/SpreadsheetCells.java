package de.pfd.grants.server.web;

import java.math.BigDecimal;

import de.pfd.grants.shared.money.Money;

/**
 * What a cell of every CSV and XLSX export holds, so that a spreadsheet opens it as data
 * and never as a formula (CSV injection, OWASP): a text that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading
 * apostrophe, which Excel and LibreOffice show as text. Only texts go through here (what
 * people typed: titles, notes, names); amounts and counts are numbers the export formats
 * itself, so that a negative amount stays a number.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/**
	 * The text as a cell: empty for none, neutralised if a spreadsheet would compute it.
	 */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return startsAFormula(value.charAt(0)) ? "'" + value : value;
	}

	/** The text of an enum, an id or a number as a cell (see {@link #text(String)}). */
	public static String text(Object value) {
		return value == null ? "" : text(value.toString());
	}

	private static boolean startsAFormula(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * An amount as a German spreadsheet reads a number: {@code 1234,56}, {@code -50,00}
	 * (decimal comma, no thousands separator, two decimals); empty for none.
	 */
	public static String germanNumber(Money money) {
		return money == null ? "" : germanNumber(money.amount());
	}

	/** As {@link #germanNumber(Money)}, for an amount in euros. */
	public static String germanNumber(BigDecimal amount) {
		return amount == null ? "" : amount.setScale(2).toPlainString().replace('.', ',');
	}

}
