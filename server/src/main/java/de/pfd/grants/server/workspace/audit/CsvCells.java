package de.pfd.grants.server.workspace.audit;

import java.util.List;

/**
 * Cells of a CSV file (RFC 4180): quoted where needed, and neutralised against formula
 * injection: a cell that begins with {@code =}, {@code +}, {@code -} or {@code @} (or a
 * tab or carriage return) gets a leading apostrophe, so that a spreadsheet shows it as
 * text instead of running it.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * The text with a leading apostrophe if a spreadsheet would take it for a formula.
	 */
	public static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}

	/** One record: neutralised cells, quoted where needed, ended by CRLF. */
	public static String row(List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(quoted(neutralise(cells.get(i))));
		}
		return line.append("\r\n").toString();
	}

	private static String quoted(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

}
