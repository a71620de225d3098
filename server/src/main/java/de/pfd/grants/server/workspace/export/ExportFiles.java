package de.pfd.grants.server.workspace.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import de.pfd.grants.server.web.SpreadsheetCells;
import de.pfd.grants.server.workspace.export.ExportTable.Amount;
import de.pfd.grants.server.workspace.export.ExportTable.Cell;
import de.pfd.grants.server.workspace.export.ExportTable.Count;
import de.pfd.grants.server.workspace.export.ExportTable.Day;
import de.pfd.grants.server.workspace.export.ExportTable.Moment;
import de.pfd.grants.server.workspace.export.ExportTable.Text;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Writes an {@link ExportTable} as a file a German spreadsheet opens correctly.
 * <p>
 * CSV: the quoting of RFC 4180 (a field with the separator, a quote or a line break in
 * quotes, a quote doubled, records ended by CRLF) with a <b>semicolon</b> as separator,
 * because German Excel splits by the list separator of the German locale, {@code ;} (with
 * a comma it puts every line into one cell, and the decimal comma is a comma already);
 * UTF-8 with a byte order mark, without which Excel reads UTF-8 as Windows-1252 and
 * garbles umlauts; amounts as {@code 1234,56} and days as {@code 31.12.2026}, which
 * German Excel reads as numbers and dates.
 * <p>
 * XLSX (fastexcel): amounts as number cells with two decimals, days and instants as date
 * cells, counts as numbers, the heading row bold and frozen.
 * <p>
 * Every text cell of both goes through {@link SpreadsheetCells#text(String)} (formula
 * injection).
 */
public final class ExportFiles {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

	/** German Excel's list separator. */
	static final char SEPARATOR = ';';

	private static final String BOM = "\uFEFF";

	private ExportFiles() {
	}

	public static byte[] csv(ExportTable table) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			out.write(BOM);
			try (CSVPrinter printer = CSVFormat.RFC4180.builder()
				.setDelimiter(SEPARATOR)
				.setRecordSeparator("\r\n")
				.setHeader(table.headings().stream().map(SpreadsheetCells::text).toArray(String[]::new))
				.get()
				.print(out)) {
				for (List<Cell> row : table.rows()) {
					List<String> values = new ArrayList<>(row.size());
					row.forEach(cell -> values.add(csvValue(cell)));
					printer.printRecord(values);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String csvValue(Cell cell) {
		if (cell instanceof Amount amount) {
			return SpreadsheetCells.germanNumber(amount.value());
		}
		if (cell instanceof Day day) {
			return day.value() == null ? "" : DAY.format(day.value());
		}
		if (cell instanceof Moment moment) {
			return moment.value() == null ? "" : MOMENT.format(moment.value().atZone(PartnershipCalendar.ZONE));
		}
		if (cell instanceof Count count) {
			return count.value() == null ? "" : count.value().toString();
		}
		return SpreadsheetCells.text(((Text) cell).value());
	}

	static byte[] xlsx(ExportTable table) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "Foerdermittel", "1.0");
			Worksheet sheet = workbook.newWorksheet(table.name());
			int[] widths = new int[table.headings().size()];
			for (int c = 0; c < table.headings().size(); c++) {
				String heading = SpreadsheetCells.text(table.headings().get(c));
				sheet.value(0, c, heading);
				sheet.style(0, c).bold().set();
				widths[c] = heading.length();
			}
			for (int r = 0; r < table.rows().size(); r++) {
				List<Cell> row = table.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					widths[c] = Math.max(widths[c], xlsxCell(sheet, r + 1, c, row.get(c)));
				}
			}
			for (int c = 0; c < widths.length; c++) {
				sheet.width(c, Math.min(60, widths[c] + 2));
			}
			sheet.freezePane(0, 1);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Writes the cell; answers how wide it is, in characters. */
	private static int xlsxCell(Worksheet sheet, int r, int c, Cell cell) {
		if (cell instanceof Amount amount) {
			if (amount.value() == null) {
				return 0;
			}
			sheet.value(r, c, amount.value().amount());
			sheet.style(r, c).format("#,##0.00").set();
			return amount.value().amount().toPlainString().length() + 2;
		}
		if (cell instanceof Day day) {
			if (day.value() == null) {
				return 0;
			}
			sheet.value(r, c, day.value());
			sheet.style(r, c).format("dd.mm.yyyy").set();
			return 10;
		}
		if (cell instanceof Moment moment) {
			if (moment.value() == null) {
				return 0;
			}
			sheet.value(r, c, LocalDateTime.ofInstant(moment.value(), PartnershipCalendar.ZONE));
			sheet.style(r, c).format("dd.mm.yyyy hh:mm:ss").set();
			return 19;
		}
		if (cell instanceof Count count) {
			if (count.value() == null) {
				return 0;
			}
			sheet.value(r, c, count.value());
			return count.value().toString().length();
		}
		String text = SpreadsheetCells.text(((Text) cell).value());
		if (!text.isEmpty()) {
			sheet.value(r, c, text);
		}
		return text.lines().mapToInt(String::length).max().orElse(0);
	}

}
