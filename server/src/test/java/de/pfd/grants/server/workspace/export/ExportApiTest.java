package de.pfd.grants.server.workspace.export;

import static de.pfd.grants.server.Api.assertProblem;
import static de.pfd.grants.server.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import de.pfd.grants.server.Api;
import de.pfd.grants.server.ApiTestSupport;
import de.pfd.grants.server.Drafts;
import de.pfd.grants.server.TestAccounts;
import de.pfd.grants.server.TestYears;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.workspace.WorkspaceBrowserTestSupport;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * The exports over HTTP: the CSV files for German Excel (BOM, semicolons, RFC 4180
 * quotes, decimal comma, formula-like texts neutralised), the XLSX files with number
 * cells, the fund statement's PDF with the figures of {@code GET /api/funds/{id}?asOf=},
 * and who may have them. In the workspace's context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = WorkspaceBrowserTestSupport.CONTEXT)
class ExportApiTest extends ApiTestSupport {

	static final String TITLE = "=HYPERLINK(\"https://example.org\";\"Klick\") \"Zitat\"; Teil 2";

	static final String CONDITIONS = "Teilnahmeliste beifügen;\n\"Fotos\" einreichen";

	static final String CUT = "-Kürzung nach Haushaltssperre\nzweite Zeile";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	AccountStore accountStore;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	CommandGateway commands;

	private Downloads downloads;

	private TestAccounts accounts;

	@BeforeEach
	void downloads() {
		this.downloads = new Downloads(this.port);
		this.accounts = new TestAccounts(this.accountStore, this.passwordEncoder, this.jdbc);
	}

	/**
	 * A fund with a tricky application: approved with conditions on two lines, its notice
	 * confirmed, 400.00 paid out; the budget cut by 500.00 with a reason that begins with
	 * a minus.
	 */
	record Given(String fund, String application) {
	}

	Given aFundWithATrickyApplication() {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "20000.00", "5000.00", "1000.00");
		String applicant = this.accounts.create(Role.APPLICANT);
		String body = Drafts.complete(fund, year)
			.replace("\"title\":\"Demokratiewerkstatt\"", "\"title\":" + json(TITLE));
		String id = this.applications.ready(applicant, body);
		ok(this.api.post("staff", Api.fastTrack(id),
				"{\"outcome\":\"APPROVED\",\"approvedAmount\":900.00,\"conditions\":" + json(CONDITIONS) + "}"));
		this.applications.awaitReserved(applicant, id);
		this.grants.issueNotice(id, "ZB-" + year + "-1");
		ok(this.api.post(applicant, Api.noticeConfirmation(id), null));
		this.grants.payOut(applicant, id, "400.00");
		ok(this.api.post("staff", Api.budgetAdjustments(fund), "{\"amount\":-500.00,\"reason\":" + json(CUT) + "}"));
		return new Given(fund, id);
	}

	@Test
	void the_applications_csv_is_for_german_excel_with_rfc_4180_quotes_and_the_formula_neutralised()
			throws IOException {
		Given given = aFundWithATrickyApplication();

		Downloads.File csv = this.downloads.get("auditor", "/api/exports/applications.csv?fundId=" + given.fund());

		assertThat(csv.status()).as(csv.text()).isEqualTo(200);
		assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.disposition()).isEqualTo("attachment; filename=\"antraege-" + given.fund() + ".csv\"");
		assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = csv.text().substring(1);
		assertThat(text.lines().findFirst().orElse("")).isEqualTo(
				"Antrags-ID;Fonds;Projekt;Organisation;Status;Beantragt (EUR);Eingereicht am;Tage im Status;Antragsversion");
		// the title in quotes (it holds ; and "), its quotes doubled, an apostrophe first
		assertThat(text).contains(";\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Klick\"\") \"\"Zitat\"\"; Teil 2\";");
		List<CSVRecord> rows = parse(text);
		assertThat(rows).hasSize(1);
		CSVRecord row = rows.get(0);
		assertThat(row.get("Antrags-ID")).isEqualTo(given.application());
		assertThat(row.get("Projekt")).isEqualTo("'" + TITLE);
		assertThat(row.get("Organisation")).isEqualTo("Kulturverein Mettmann e.V.");
		assertThat(row.get("Fonds")).startsWith("Aktionsfonds ");
		assertThat(row.get("Status")).isEqualTo("Bewilligt");
		assertThat(row.get("Beantragt (EUR)")).isEqualTo("1000,00");
		assertThat(row.get("Eingereicht am")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
	}

	@Test
	void the_decisions_and_movements_csv_keep_line_breaks_in_quotes_and_negative_amounts_as_numbers()
			throws IOException {
		Given given = aFundWithATrickyApplication();

		Downloads.File decisions = this.downloads.get("staff", "/api/exports/decisions.csv?fundId=" + given.fund());
		assertThat(decisions.status()).as(decisions.text()).isEqualTo(200);
		assertThat(decisions.disposition())
			.isEqualTo("attachment; filename=\"entscheidungen-" + given.fund() + ".csv\"");
		assertThat(decisions.text()).contains("\"Teilnahmeliste beifügen;\n\"\"Fotos\"\" einreichen\"");
		CSVRecord decision = parse(decisions.text().substring(1)).get(0);
		assertThat(decision.get("Projekt")).isEqualTo("'" + TITLE);
		assertThat(decision.get("Ergebnis")).isEqualTo("Bewilligt");
		assertThat(decision.get("Entschieden durch")).isEqualTo("Federführendes Amt (Kleinbetrag)");
		assertThat(decision.get("Bewilligt (EUR)")).isEqualTo("900,00");
		assertThat(decision.get("Auflagen")).isEqualTo(CONDITIONS);

		Downloads.File movements = this.downloads.get("auditor", "/api/exports/movements.csv?fundId=" + given.fund());
		assertThat(movements.status()).as(movements.text()).isEqualTo(200);
		assertThat(movements.disposition()).isEqualTo("attachment; filename=\"" + given.fund() + "-buchungen.csv\"");
		List<CSVRecord> rows = parse(movements.text().substring(1));
		assertThat(rows).extracting(r -> r.get("Art"))
			.containsExactly("Eröffnungsbudget", "Bindung", "Auszahlung", "Budgetänderung");
		assertThat(rows).extracting(r -> r.get("Betrag (EUR)"))
			.containsExactly("20000,00", "900,00", "400,00", "-500,00");
		assertThat(rows).extracting(r -> r.get("Verfügbar danach (EUR)"))
			.containsExactly("20000,00", "19100,00", "19100,00", "18600,00");
		assertThat(rows.get(1).get("Projekt")).isEqualTo("'" + TITLE);
		assertThat(rows.get(3).get("Vermerk")).isEqualTo("'" + CUT);

		// the API's own movements.csv neutralises the same way
		Api.Response plain = this.api.get("auditor", Api.movementsCsv(given.fund()));
		assertThat(plain.body()).contains("\"'-Kürzung nach Haushaltssperre\nzweite Zeile\"");
	}

	@Test
	void the_xlsx_files_hold_numbers_as_number_cells_and_texts_neutralised() throws IOException {
		Given given = aFundWithATrickyApplication();

		Downloads.File movements = this.downloads.get("auditor", "/api/funds/" + given.fund() + "/movements.xlsx");
		assertThat(movements.status()).isEqualTo(200);
		assertThat(movements.contentType()).isEqualTo(XLSX);
		assertThat(movements.disposition()).isEqualTo("attachment; filename=\"" + given.fund() + "-buchungen.xlsx\"");
		List<Row> rows = rows(movements.body());
		assertThat(rows.get(0).getCell(0).asString()).isEqualTo("Nr.");
		assertThat(rows.get(0).getCell(6).asString()).isEqualTo("Betrag (EUR)");
		assertThat(rows).hasSize(5);
		Row cut = rows.get(4);
		assertThat(cut.getCell(3).asString()).isEqualTo("Budgetänderung");
		assertThat(cut.getCell(6).getType()).isEqualTo(CellType.NUMBER);
		assertThat(cut.getCell(6).asNumber()).isEqualByComparingTo("-500.00");
		assertThat(cut.getCell(7).asNumber()).isEqualByComparingTo("18600.00");
		assertThat(cut.getCell(8).getType()).isEqualTo(CellType.STRING);
		assertThat(cut.getCell(8).asString()).isEqualTo("'" + CUT);
		assertThat(cut.getCell(2).getType()).isEqualTo(CellType.NUMBER);
		assertThat(cut.getCell(2).asDate().toLocalDate()).isEqualTo(LocalDate.now(PartnershipCalendar.ZONE));

		Downloads.File applications = this.downloads.get("staff",
				"/api/exports/applications.xlsx?fundId=" + given.fund());
		assertThat(applications.contentType()).isEqualTo(XLSX);
		assertThat(applications.disposition()).isEqualTo("attachment; filename=\"antraege-" + given.fund() + ".xlsx\"");
		Row application = rows(applications.body()).get(1);
		assertThat(application.getCell(2).asString()).isEqualTo("'" + TITLE);
		assertThat(application.getCell(5).getType()).isEqualTo(CellType.NUMBER);
		assertThat(application.getCell(5).asNumber()).isEqualByComparingTo("1000.00");

		Downloads.File decisions = this.downloads.get("auditor", "/api/exports/decisions.xlsx?fundId=" + given.fund());
		Row decision = rows(decisions.body()).get(1);
		assertThat(decision.getCell(6).getType()).isEqualTo(CellType.NUMBER);
		assertThat(decision.getCell(6).asNumber()).isEqualByComparingTo("900.00");
		assertThat(decision.getCell(7).asString()).isEqualTo(CONDITIONS);
	}

	@Test
	void the_fund_statement_states_the_figures_of_the_api_as_of_the_day_with_its_movements() throws IOException {
		Given given = aFundWithATrickyApplication();
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
		JsonNode figures = ok(this.api.get("auditor", Api.fundAsOf(given.fund(), today)));

		Downloads.File pdf = this.downloads.get("auditor",
				"/api/funds/" + given.fund() + "/statement.pdf?asOf=" + today);

		assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.disposition())
			.isEqualTo("attachment; filename=\"" + given.fund() + "-fondsuebersicht-" + today + ".pdf\"");
		Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("export-fondsuebersicht.pdf"),
				pdf.body());
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = text(document);
			assertThat(text).contains("Fondsübersicht zum Stichtag " + german(today))
				.contains("Partnerschaft für Demokratie")
				.contains("Aktionsfonds " + figures.get("year").asText())
				.contains("Budget " + euro(figures, "budget"))
				.contains("Gebunden (bewilligt, nicht freigegeben) " + euro(figures, "reserved"))
				.contains("Ausgezahlt " + euro(figures, "paid"))
				.contains("Freigeworden " + euro(figures, "released"))
				.contains("Zurückgezahlt " + euro(figures, "refunded"))
				.contains("Verfallen " + euro(figures, "lapsed"))
				.contains("Verfügbar " + euro(figures, "available"))
				.contains("Warteliste")
				.contains("Kein Antrag wartet auf Mittel.")
				.contains("Buchungen bis zum " + german(today))
				.contains("Eröffnungsbudget", "Bindung", "Auszahlung", "Budgetänderung")
				.contains("=HYPERLINK(")
				.contains("-Kürzung nach")
				.containsPattern("Erstellt am " + german(today).replace(".", "\\.") + ", \\d{2}:\\d{2} Uhr von \\S")
				.doesNotContain("noch nicht eröffnet");
			assertThat(euro(figures, "available")).isEqualTo("18.600,00 €");
			assertThat(euro(figures, "paid")).isEqualTo("400,00 €");
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
		}

		// the day before the fund was opened: zeros, and no movement yet
		LocalDate before = today.minusDays(1);
		JsonNode then = ok(this.api.get("auditor", Api.fundAsOf(given.fund(), before)));
		try (PDDocument document = Loader.loadPDF(
				this.downloads.get("staff", "/api/funds/" + given.fund() + "/statement.pdf?asOf=" + before).body())) {
			assertThat(text(document)).contains("Budget " + euro(then, "budget"))
				.contains("Budget 0,00 €")
				.contains("noch nicht eröffnet")
				.contains("Bis zum Stichtag gibt es keine Buchung.");
		}
	}

	@Test
	void the_statement_lists_the_waiting_list_with_the_amount_approved_for_each() throws IOException {
		int year = TestYears.next("ACTION_FUND");
		String fund = this.funds.open("ACTION_FUND", year, "1000.00", "1000.00", "1000.00");
		String applicant = this.accounts.create(Role.APPLICANT);
		this.applications.approved(applicant, Drafts.complete(fund, year), "800.00");
		String second = this.applications.ready(applicant,
				Drafts.complete(fund, year).replace("Demokratiewerkstatt", "Vielfaltsfest"));
		ok(this.api.post("staff", Api.fastTrack(second), "{\"outcome\":\"APPROVED\",\"approvedAmount\":600.00}"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "WAITLISTED".equals(this.applications.status(applicant, second)));

		Downloads.File pdf = this.downloads.get("auditor", "/api/funds/" + fund + "/statement.pdf");

		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(text(document)).contains("Verfügbar 200,00 €")
				.contains("Vielfaltsfest Kulturverein Mettmann e.V. 600,00 €")
				.doesNotContain("Kein Antrag wartet auf Mittel.");
		}
	}

	@Test
	void a_malformed_day_or_format_is_a_bad_request_with_a_german_message() {
		Given given = aFundWithATrickyApplication();

		for (String asOf : List.of("30.02.2026", "2026-13-01", "gestern", "2026-6-1")) {
			Api.Response refused = this.api.get("auditor",
					"/api/funds/" + given.fund() + "/statement.pdf?asOf=" + asOf);
			assertProblem(refused, 400, "asOf");
			assertThat(refused.json().get("detail").asText()).as(asOf).contains("Stichtag");
		}
		assertProblem(this.api.get("auditor", "/api/exports/decisions.pdf?fundId=" + given.fund()), 400, "format");
		assertProblem(this.api.get("auditor", "/api/exports/movements.csv"), 400, null);
	}

	@Test
	void members_and_applicants_may_not_export_and_another_partnership_sees_no_fund_of_ours() {
		Given given = aFundWithATrickyApplication();
		List<String> paths = List.of("/api/funds/" + given.fund() + "/statement.pdf",
				"/api/funds/" + given.fund() + "/movements.xlsx", "/api/exports/movements.csv?fundId=" + given.fund(),
				"/api/exports/applications.csv?fundId=" + given.fund(),
				"/api/exports/decisions.xlsx?fundId=" + given.fund());

		PartnershipId elsewhere = new PartnershipId("export-" + UUID.randomUUID().toString().substring(0, 8));
		this.commands.sendAndWait(new RegisterPartnershipCommand(elsewhere, "Partnerschaft " + elsewhere));
		String foreignAuditor = this.accounts.create(Role.AUDITOR, elsewhere);
		String foreignStaff = this.accounts.create(Role.STAFF, elsewhere);
		for (String path : paths) {
			assertProblem(this.api.get("board1", path), 403, null);
			assertProblem(this.api.get("applicant1", path), 403, null);
			assertProblem(this.api.get(foreignAuditor, path), 404, null);
			assertProblem(this.api.get(foreignStaff, path), 404, null);
			assertThat(this.api.get(null, path).status()).isEqualTo(401);
		}
		// without a fund the other partnership gets its own (empty) lists, none of ours
		Downloads.File theirs = this.downloads.get(foreignAuditor, "/api/exports/applications.csv");
		assertThat(theirs.status()).isEqualTo(200);
		assertThat(theirs.text().lines().count()).isEqualTo(1);
		assertThat(this.downloads.get("auditor", "/api/exports/applications.csv").text()).contains(given.application());
	}

	@Test
	void the_exports_are_documented_with_openapi() {
		JsonNode paths = ok(this.api.get(null, "/v3/api-docs")).get("paths");
		assertThat(paths.has("/api/funds/{fundId}/statement.pdf")).isTrue();
		assertThat(paths.has("/api/funds/{fundId}/movements.xlsx")).isTrue();
		assertThat(paths.has("/api/exports/applications.{format}")).isTrue();
		assertThat(paths.has("/api/exports/decisions.{format}")).isTrue();
		assertThat(paths.get("/api/funds/{fundId}/statement.pdf").toString()).contains("application/pdf");
	}

	static List<CSVRecord> parse(String csv) throws IOException {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
	}

	static List<Row> rows(byte[] xlsx) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getFirstSheet().read();
		}
	}

	private static String text(PDDocument document) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper.getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private static String euro(JsonNode figures, String field) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(new BigDecimal(figures.get(field).asText())).replace('\u00a0', ' ');
	}

	private static String german(LocalDate day) {
		return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day);
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
