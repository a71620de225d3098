package de.pfd.grants.server.workspace.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import de.pfd.grants.persistence.chain.EventChainAnchor;
import de.pfd.grants.server.audit.HistoryVerification;
import de.pfd.grants.server.portal.GermanDay;
import de.pfd.grants.server.portal.SystemNotes;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.workspace.export.ExportTable.Rows;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipView;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.DecisionView;
import de.pfd.grants.shared.voting.Tally;

/**
 * The exports of staff and auditors, for the REST API and the page "Exporte" alike: the
 * fund statement as of a day (PDF), the movements, the applications and the decisions of
 * a fund (CSV or XLSX, see {@link ExportFiles}). The data come from the fund, application
 * and voting use cases, which decide what the user may see (a fund of another partnership
 * is 404); the adapters check the role (staff, auditors). The files are in German, the
 * office's language, like the grant notice.
 */
@Service
public class ExportUseCases {

	private static final Locale GERMAN = Locale.GERMANY;

	private final SystemNotes notes;

	private final HistoryVerification history;

	private final FundUseCases funds;

	private final ApplicationUseCases applications;

	private final VotingUseCases voting;

	private final QueryGateway queries;

	private final MessageSource messages;

	private final FundStatementPdf pdf;

	ExportUseCases(FundUseCases funds, ApplicationUseCases applications, VotingUseCases voting, QueryGateway queries,
			MessageSource messages, FundStatementPdf pdf, SystemNotes notes, HistoryVerification history) {
		this.notes = notes;
		this.history = history;
		this.funds = funds;
		this.applications = applications;
		this.voting = voting;
		this.queries = queries;
		this.messages = messages;
		this.pdf = pdf;
	}

	/** The two formats of the tables. */
	public enum Format {

		CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),

		XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

		private final String extension;

		private final MediaType type;

		Format(String extension, MediaType type) {
			this.extension = extension;
			this.type = type;
		}

		public String extension() {
			return this.extension;
		}

		public MediaType type() {
			return this.type;
		}

		/** The format named (csv, xlsx; any case), or 400. */
		public static Format of(String name) {
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
					return format;
				}
			}
			throw ApiException.badInput("format",
					"Das Format muss CSV oder XLSX sein / the format must be csv or xlsx");
		}

	}

	/** A file to download: its name, type and content. */
	public record ExportFile(String filename, MediaType type, byte[] body) {

		/** The file as an attachment with its name, not cached (page and API alike). */
		public org.springframework.http.ResponseEntity<byte[]> download() {
			return org.springframework.http.ResponseEntity.ok()
				.contentType(this.type)
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						org.springframework.http.ContentDisposition.attachment()
							.filename(this.filename)
							.build()
							.toString())
				.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
				.body(this.body);
		}

	}

	/**
	 * What the fund statement states: the fund's figures at the end of the day (by value
	 * date), its movements up to that day, the waiting list as it is when the statement
	 * is made (each application with the amount approved for it, null if unknown), the
	 * titles of the fund's applications by id, and who made it when.
	 */
	public record FundStatement(String partnershipName, FundBudget fund, LocalDate asOf, List<FundMovement> movements,
			List<WaitingApplication> waitingList, Map<String, String> titles, Instant createdAt, String createdBy,
			EventChainAnchor.Head history) {
	}

	/** An application on the waiting list with the amount approved for it. */
	public record WaitingApplication(ApplicationSummary application, Money approvedAmount) {
	}

	/** The funds of the user's partnership, newest year first. */
	public List<FundBudget> funds(GrantsUser user) {
		return this.funds.funds(user)
			.stream()
			.sorted(Comparator.comparingInt(FundBudget::year).reversed().thenComparing(FundBudget::type))
			.toList();
	}

	/**
	 * A day as {@code 2026-06-30} (or as typed in German, {@code 30.06.2026}), or 400
	 * ({@code asOf}) with a German message; none given is today in the partnership's
	 * calendar.
	 */
	public static LocalDate day(String asOf) {
		if (asOf == null || asOf.isBlank()) {
			return PartnershipCalendar.dayOf(Instant.now());
		}
		try {
			return GermanDay.parse(asOf);
		}
		catch (DateTimeParseException ex) {
			// falls through to the refusal
		}
		throw ApiException.badInput("asOf", "Der Stichtag muss ein gültiger Tag im Format JJJJ-MM-TT sein "
				+ "(z. B. 2026-06-30) / asOf must be a valid day (2026-06-30)");
	}

	public FundStatement statement(GrantsUser user, String fundId, LocalDate asOf) {
		requireFund(fundId);
		FundBudget fund = this.funds.fundOnDay(user, fundId, asOf);
		List<FundMovement> movements = this.funds.movements(user, fundId)
			.stream()
			.filter(m -> m.valueDate() == null || !m.valueDate().isAfter(asOf))
			.toList();
		List<ApplicationSummary> fundApplications = this.applications.list(user, fundId, null);
		Map<String, String> titles = new HashMap<>();
		fundApplications.forEach(a -> titles.put(a.id().value(), a.title() == null ? a.id().value() : a.title()));
		Map<String, Money> approved = new HashMap<>();
		this.voting.decisions(user, fundId)
			.stream()
			.filter(d -> d.outcome() == DecisionOutcome.APPROVED)
			.forEach(d -> approved.put(d.applicationId().value(), d.approvedAmount()));
		List<WaitingApplication> waiting = fundApplications.stream()
			.filter(a -> a.status() == ApplicationStatus.WAITLISTED)
			.map(a -> new WaitingApplication(a, approved.get(a.id().value())))
			.toList();
		String by = user.displayName() == null ? user.username() : user.displayName();
		// the anchored head of the whole history: an auditor proves it later (ADR 0011)
		return new FundStatement(partnershipName(user), fund, asOf, movements, waiting, titles, Instant.now(), by,
				this.history.anchoredHead().orElse(null));
	}

	public ExportFile statementPdf(GrantsUser user, String fundId, LocalDate asOf) {
		FundStatement statement = statement(user, fundId, asOf);
		return new ExportFile(statement.fund().id().value() + "-fondsuebersicht-" + asOf + ".pdf",
				MediaType.APPLICATION_PDF, this.pdf.render(statement));
	}

	public ExportFile movements(GrantsUser user, String fundId, Format format) {
		requireFund(fundId);
		List<FundMovement> movements = this.funds.movements(user, fundId);
		Map<String, String> titles = new HashMap<>();
		this.applications.list(user, fundId, null).forEach(a -> titles.put(a.id().value(), a.title()));
		Rows rows = new Rows();
		for (FundMovement m : movements) {
			String application = m.applicationId() == null ? null : m.applicationId().value();
			rows.add(ExportTable.count(m.sequence()), ExportTable.moment(m.occurredAt()),
					ExportTable.day(m.valueDate()), ExportTable.text(label("export.movement." + m.type())),
					ExportTable.text(application),
					ExportTable.text(application == null ? null : titles.get(application)),
					ExportTable.amount(m.amount()), ExportTable.amount(m.available()),
					ExportTable.text(this.notes.text(m.note(), GERMAN)), ExportTable.text(m.actor()));
		}
		ExportTable table = new ExportTable(label("export.sheet.movements"), headings("sequence", "occurredAt",
				"valueDate", "type", "applicationId", "title", "amount", "available", "note", "actor"), rows.list());
		return file(fundId + "-buchungen", table, format);
	}

	public ExportFile applications(GrantsUser user, String fundId, Format format) {
		Map<String, String> fundNames = fundNames(user, fundId);
		Rows rows = new Rows();
		for (ApplicationSummary a : this.applications.list(user, fundId, null)) {
			rows.add(ExportTable.text(a.id().value()), ExportTable.text(fundNames.get(a.fundId().value())),
					ExportTable.text(a.title()), ExportTable.text(a.organisation()),
					ExportTable.text(label("status." + a.status())), ExportTable.amount(a.requestedAmount()),
					ExportTable.moment(a.submittedAt()), ExportTable.count(a.daysInStatus()),
					ExportTable.count(a.version()));
		}
		ExportTable table = new ExportTable(label("export.sheet.applications"), headings("applicationId", "fund",
				"title", "organisation", "status", "requested", "submittedAt", "daysInStatus", "version"), rows.list());
		return file(name("antraege", fundId), table, format);
	}

	public ExportFile decisions(GrantsUser user, String fundId, Format format) {
		Map<String, String> fundNames = fundNames(user, fundId);
		Rows rows = new Rows();
		for (DecisionView d : this.voting.decisions(user, fundId)) {
			Tally t = d.tally();
			rows.add(ExportTable.text(d.applicationId().value()), ExportTable.text(fundNames.get(d.fundId().value())),
					ExportTable.text(d.title()), ExportTable.text(d.organisation()),
					ExportTable.text(label("export.outcome." + d.outcome())),
					ExportTable.text(d.decidedBy() == null ? null : label("export.decidedBy." + d.decidedBy())),
					ExportTable.amount(d.approvedAmount()), ExportTable.text(d.conditions()),
					ExportTable.text(d.note()), ExportTable.count(t == null ? null : t.yes()),
					ExportTable.count(t == null ? null : t.no()), ExportTable.count(t == null ? null : t.abstain()),
					ExportTable.count(t == null ? null : t.eligible()),
					ExportTable.count(t == null ? null : t.participating()),
					ExportTable.text(t == null ? null : label(t.quorumReached() ? "export.yes" : "export.no")),
					ExportTable.count(t == null ? null : t.recused().size()), ExportTable.count(d.version()),
					ExportTable.count(d.ruleVersion()), ExportTable.moment(d.decidedAt()));
		}
		ExportTable table = new ExportTable(label("export.sheet.decisions"),
				headings("applicationId", "fund", "title", "organisation", "outcome", "decidedBy", "approved",
						"conditions", "decisionNote", "yes", "no", "abstain", "eligible", "participating",
						"quorumReached", "recused", "version", "ruleVersion", "decidedAt"),
				rows.list());
		return file(name("entscheidungen", fundId), table, format);
	}

	/**
	 * The fund's names by id ("Aktionsfonds 2026"); the fund asked for must be the user's
	 * (404 otherwise).
	 */
	private Map<String, String> fundNames(GrantsUser user, String fundId) {
		if (fundId != null && !fundId.isBlank()) {
			this.funds.fund(user, fundId, null);
		}
		Map<String, String> names = new HashMap<>();
		this.funds.funds(user).forEach(f -> names.put(f.id().value(), fundName(f)));
		return names;
	}

	String fundName(FundBudget fund) {
		return label("fund." + fund.type()) + " " + fund.year();
	}

	private String partnershipName(GrantsUser user) {
		return this.queries.query(new FindPartnershipsQuery(), ResponseTypes.multipleInstancesOf(PartnershipView.class))
			.join()
			.stream()
			.filter(p -> p.id().equals(user.partnershipId()))
			.map(PartnershipView::name)
			.findFirst()
			.orElse(user.partnershipId().value());
	}

	private static void requireFund(String fundId) {
		if (fundId == null || fundId.isBlank()) {
			throw ApiException.badInput("fundId", "Bitte wählen Sie einen Fonds / choose a fund");
		}
	}

	private static String name(String what, String fundId) {
		return fundId == null || fundId.isBlank() ? what : what + "-" + fundId;
	}

	private static ExportFile file(String name, ExportTable table, Format format) {
		byte[] body = format == Format.CSV ? ExportFiles.csv(table) : ExportFiles.xlsx(table);
		return new ExportFile(name + "." + format.extension(), format.type(), body);
	}

	private List<String> headings(String... columns) {
		return Arrays.stream(columns).map(c -> label("export.col." + c)).toList();
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, GERMAN);
	}

}
