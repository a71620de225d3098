package de.pfd.grants.server.workspace.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import de.pfd.grants.server.web.SpreadsheetCells;
import de.pfd.grants.shared.money.Money;

/**
 * The files of the exports without a server: what a spreadsheet makes of a text, an
 * amount and a day, in CSV and XLSX.
 */
class ExportFilesTest {

	private static final String TRICKY = "=HYPERLINK(\"https://example.org\";\"Klick\")";

	private final ExportTable table = new ExportTable("Tabelle", List.of("Text", "Betrag", "Tag", "Zeit", "Anzahl"),
			new ExportTable.Rows()
				.add(ExportTable.text(TRICKY), ExportTable.amount(Money.euros("1234.56")),
						ExportTable.day(LocalDate.of(2026, 6, 30)),
						ExportTable.moment(Instant.parse("2026-06-30T10:15:00Z")), ExportTable.count(7))
				.add(ExportTable.text("Zeile 1\nZeile 2; mit \"Zitat\""), ExportTable.amount(Money.euros("-500.00")),
						ExportTable.day(null), ExportTable.moment(null), ExportTable.count(null))
				.list());

	@Test
	void texts_that_a_spreadsheet_would_compute_get_an_apostrophe_and_nothing_else_changes() {
		assertThat(SpreadsheetCells.text("=1+1")).isEqualTo("'=1+1");
		assertThat(SpreadsheetCells.text("+49 2104")).isEqualTo("'+49 2104");
		assertThat(SpreadsheetCells.text("-Kürzung")).isEqualTo("'-Kürzung");
		assertThat(SpreadsheetCells.text("@SUMME(A1)")).isEqualTo("'@SUMME(A1)");
		assertThat(SpreadsheetCells.text("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetCells.text("\r=1")).isEqualTo("'\r=1");
		assertThat(SpreadsheetCells.text("Mettmann = schön")).isEqualTo("Mettmann = schön");
		assertThat(SpreadsheetCells.text((String) null)).isEmpty();
		assertThat(SpreadsheetCells.germanNumber(Money.euros("1234.5"))).isEqualTo("1234,50");
		assertThat(SpreadsheetCells.germanNumber(Money.euros("-500.00"))).isEqualTo("-500,00");
	}

	@Test
	void the_csv_has_a_bom_semicolons_crlf_rfc_4180_quotes_and_german_numbers_and_days() throws IOException {
		byte[] csv = ExportFiles.csv(this.table);

		assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8).substring(1);
		assertThat(text).startsWith("Text;Betrag;Tag;Zeit;Anzahl\r\n")
			.contains(
					"\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Klick\"\")\";1234,56;30.06.2026;30.06.2026 12:15:00;7\r\n")
			.contains("\"Zeile 1\nZeile 2; mit \"\"Zitat\"\"\";-500,00;;;\r\n");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("Text")).isEqualTo("'" + TRICKY);
		assertThat(rows.get(1).get("Text")).isEqualTo("Zeile 1\nZeile 2; mit \"Zitat\"");
		assertThat(rows.get(1).get("Betrag")).isEqualTo("-500,00");
	}

	@Test
	void the_xlsx_has_number_and_date_cells_and_neutralised_texts() throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(ExportFiles.xlsx(this.table)),
				new ReadingOptions(true, false))) {
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("Tabelle");
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).getCell(1).asString()).isEqualTo("Betrag");
			Row first = rows.get(1);
			assertThat(first.getCell(0).getType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(0).asString()).isEqualTo("'" + TRICKY);
			assertThat(first.getCell(1).getType()).isEqualTo(CellType.NUMBER);
			assertThat(first.getCell(1).asNumber()).isEqualByComparingTo(new BigDecimal("1234.56"));
			assertThat(first.getCell(1).getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
			assertThat(first.getCell(2).getDataFormatString()).isEqualTo("dd.mm.yyyy");
			assertThat(first.getCell(2).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 30));
			assertThat(first.getCell(3).asDate()).isEqualTo("2026-06-30T12:15:00");
			assertThat(first.getCell(4).asNumber()).isEqualByComparingTo("7");
			Row second = rows.get(2);
			assertThat(second.getCell(0).asString()).isEqualTo("Zeile 1\nZeile 2; mit \"Zitat\"");
			assertThat(second.getCell(1).asNumber()).isEqualByComparingTo(new BigDecimal("-500.00"));
		}
	}

}
