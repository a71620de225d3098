package de.pfd.grants.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.privacy.PersonalDataErasure.Erased;
import de.pfd.grants.server.privacy.RetentionRule.Retention;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FindFundsQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/**
 * Retention and erasure of a partnership's files (issue 14): which files are due for
 * erasure today (by the one {@link RetentionRule}), and the staff's confirmed erasure
 * through the one {@link PersonalDataErasure}. The API and the page
 * {@code /verwaltung/datenschutz} are thin adapters over it.
 * <p>
 * The erasure rule: a file is erased when its retention period has run out; before that
 * only on the data subject's request ({@code request}, with the reason) and only where no
 * legal duty keeps it, i.e. a file never granted. A grant file inside its period and a
 * file whose procedure still runs are refused (409 {@code RETENTION_PERIOD_RUNNING}); a
 * file erased already too (409 {@code ALREADY_ERASED}).
 */
@Service
public class PrivacyUseCases {

	/**
	 * The longest reason an erasure takes: the event holds at most 500 characters, and an
	 * erasure on request is recorded with {@link #ON_REQUEST} before the reason.
	 */
	public static final int MAX_REASON = 450;

	/** How the event records an erasure made on the data subject's request. */
	static final String ON_REQUEST = "Auf Antrag der betroffenen Person (Art. 17 DSGVO): ";

	/** The event that records an erasure. */
	static final String ERASED_EVENT = "PersonalDataErased";

	/** A file due for erasure, with its retention and why. */
	public record DueErasure(String applicationId, String title, String fundId, FundType fundType, int fundYear,
			ApplicationStatus status, LocalDate retainedUntil, RetentionRule.Basis basis, String why) {
	}

	/**
	 * One file with its retention: whether it is due today, may be erased on the data
	 * subject's request, or was erased already.
	 */
	public record FileRetention(DueErasure file, Retention retention, boolean dueToday, boolean erasableOnRequest,
			boolean erased) {
	}

	/** An erasure done, as the audit trail records it. */
	public record ErasureRecord(String applicationId, Instant at, String by, String reason) {
	}

	private final QueryGateway queries;

	private final AccessPolicy access;

	private final ObjectProvider<PersonalDataErasure> erasure;

	private final ObjectMapper json;

	private final Clock clock;

	PrivacyUseCases(QueryGateway queries, AccessPolicy access, ObjectProvider<PersonalDataErasure> erasure,
			ObjectMapper json, Optional<Clock> clock) {
		this.queries = queries;
		this.access = access;
		this.erasure = erasure;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Today, in the partnership's time zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(RetentionRule.ZONE));
	}

	/**
	 * The files of the user's partnership due for erasure on this day and not erased yet,
	 * the longest due first (staff and auditors).
	 */
	public List<DueErasure> due(GrantsUser user, LocalDate day) {
		this.access.auditedPartnership(user);
		PartnershipSettings settings = settings(user.partnershipId());
		Map<String, FundBudget> funds = funds(user);
		Set<String> erased = erasedIds(user);
		List<DueErasure> due = new ArrayList<>();
		for (ApplicationSummary summary : summaries(user)) {
			FundBudget fund = funds.get(summary.fundId().value());
			if (fund == null || erased.contains(summary.id().value())) {
				continue;
			}
			Retention retention = retention(summary, fund, settings);
			if (retention.dueOn(day)) {
				due.add(new DueErasure(summary.id().value(), summary.title(), fund.id().value(), fund.type(),
						fund.year(), summary.status(), retention.retainedUntil(), retention.basis(), retention.why()));
			}
		}
		due.sort(Comparator.comparing(DueErasure::retainedUntil).thenComparing(DueErasure::applicationId));
		return due;
	}

	/** One file of the user's partnership with its retention (404 if unknown). */
	public FileRetention file(GrantsUser user, String applicationId) {
		this.access.auditedPartnership(user);
		ApplicationDetail application = this.access.application(user, applicationId);
		FundBudget fund = funds(user).get(application.fundId().value());
		if (fund == null) {
			throw ApiException.notFound("Antrag / application");
		}
		Retention retention = RetentionRule.of(application.status(), application.grant() != null, fund.year(),
				application.statusSince(), settings(user.partnershipId()));
		LocalDate today = today();
		DueErasure file = new DueErasure(application.id().value(),
				application.content() == null ? null : application.content().title(), fund.id().value(), fund.type(),
				fund.year(), application.status(), retention.retainedUntil(), retention.basis(), retention.why());
		return new FileRetention(file, retention, retention.dueOn(today), retention.erasableOn(today, true),
				erasedIds(user).contains(application.id().value()));
	}

	/**
	 * Erases an application's personal data (staff): when due, or before on the data
	 * subject's request where no legal duty keeps the file. The reason is required; an
	 * erasure on request says so in the reason the event records.
	 */
	public Erased erase(GrantsUser user, String applicationId, String reason, boolean onRequest) {
		this.access.privacyOffice(user);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw ApiException.badInput("reason", "Bitte geben Sie den Grund der Löschung an / a reason is required");
		}
		if (why.length() > MAX_REASON) {
			throw ApiException.badInput("reason", "Der Grund hat höchstens " + MAX_REASON
					+ " Zeichen / the reason has at most " + MAX_REASON + " characters");
		}
		FileRetention file = file(user, applicationId);
		Retention retention = file.retention();
		if (file.erased()) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ALREADY_ERASED,
					"Die personenbezogenen Daten dieses Antrags sind bereits gelöscht / already erased",
					"applicationId");
		}
		if (!retention.erasableOn(today(), onRequest)) {
			String also = retention.basis() == RetentionRule.Basis.NEVER_GRANTED
					? " Vorher nur auf Antrag der betroffenen Person." : "";
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RETENTION_PERIOD_RUNNING,
					"Die Akte ist noch aufzubewahren: " + retention.why() + also + " / the file must still be kept",
					"applicationId");
		}
		PersonalDataErasure erasing = this.erasure.getIfAvailable();
		if (erasing == null) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
					"Die Löschung ist in dieser Installation nicht verfügbar / erasure is not available", null);
		}
		String recorded = onRequest && !retention.dueOn(today()) ? ON_REQUEST + why : why;
		return erasing.eraseApplication(user, new ApplicationId(applicationId), recorded);
	}

	/**
	 * The erasures done in the user's partnership, the newest first (staff, auditors).
	 */
	public List<ErasureRecord> erasures(GrantsUser user) {
		this.access.auditedPartnership(user);
		List<ErasureRecord> records = new ArrayList<>();
		for (AuditEvent event : erasureEvents(user.partnershipId())) {
			JsonNode payload = payload(event.payloadJson());
			records.add(new ErasureRecord(
					event.applicationId() != null ? event.applicationId() : text(payload, "applicationId"), event.at(),
					event.actor(), text(payload, "reason")));
		}
		records.sort(Comparator.comparing(ErasureRecord::at).reversed());
		return records;
	}

	private Set<String> erasedIds(GrantsUser user) {
		Set<String> ids = new HashSet<>();
		for (AuditEvent event : erasureEvents(user.partnershipId())) {
			ids.add(event.applicationId() != null ? event.applicationId()
					: text(payload(event.payloadJson()), "applicationId"));
		}
		return ids;
	}

	private List<AuditEvent> erasureEvents(PartnershipId partnership) {
		List<AuditEvent> events = new ArrayList<>();
		for (int page = 0;; page++) {
			AuditEventPage found = this.queries
				.query(new FindAuditEventsQuery(partnership, null, null, null, List.of(ERASED_EVENT), null, null, page,
						FindAuditEventsQuery.MAX_SIZE), ResponseTypes.instanceOf(AuditEventPage.class))
				.join();
			events.addAll(found.events());
			if (found.events().size() < FindAuditEventsQuery.MAX_SIZE) {
				return events;
			}
		}
	}

	private static Retention retention(ApplicationSummary summary, FundBudget fund, PartnershipSettings settings) {
		boolean approved = summary.office() != null && summary.office().approvedAmount() != null;
		Instant since = summary.office() != null ? summary.office().statusSince() : null;
		return RetentionRule.of(summary.status(), approved, fund.year(), since, settings);
	}

	private List<ApplicationSummary> summaries(GrantsUser user) {
		return this.queries
			.query(new FindApplicationsQuery(user.partnershipId(), null, null, null, null),
					ResponseTypes.multipleInstancesOf(ApplicationSummary.class))
			.join();
	}

	private Map<String, FundBudget> funds(GrantsUser user) {
		return this.queries
			.query(new FindFundsQuery(user.partnershipId()), ResponseTypes.multipleInstancesOf(FundBudget.class))
			.join()
			.stream()
			.collect(Collectors.toMap(fund -> fund.id().value(), Function.identity(), (a, b) -> a));
	}

	private PartnershipSettings settings(PartnershipId partnership) {
		return this.queries
			.query(new FindPartnershipSettingsQuery(partnership), ResponseTypes.instanceOf(PartnershipSettings.class))
			.join();
	}

	private JsonNode payload(String text) {
		try {
			return this.json.readTree(text == null ? "{}" : text);
		}
		catch (Exception unreadable) {
			return this.json.createObjectNode();
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
	}

}
