package de.pfd.grants.server.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.mail.OutboxStore;
import de.pfd.grants.server.mail.OutboxStore.OutboxMail;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.document.DocumentView;
import de.pfd.grants.shared.document.FindDocumentsQuery;
import de.pfd.grants.shared.organisation.FindOrganisationsQuery;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Everything a partnership holds about one data subject (Art. 15 and 20 GDPR), as one
 * JSON document: the account (never its password hash), the applications they own (in
 * full: every status change, every submitted version's content, the documents' names) or
 * in which they are the contact (their contact data, title and status only: the rest is
 * another applicant's), their organisations, the mails sent to them and the audit events
 * that name them. Only ever of the asking user's partnership. Staff ask for anyone by
 * e-mail address; a signed-in applicant for themselves.
 */
@Service
public class PersonalDataExport {

	private static final int MAX_EMAIL = 320;

	private final QueryGateway queries;

	private final AccessPolicy access;

	private final AccountStore accounts;

	private final OutboxStore outbox;

	private final ObjectMapper json;

	PersonalDataExport(QueryGateway queries, AccessPolicy access, AccountStore accounts, OutboxStore outbox,
			ObjectMapper json) {
		this.queries = queries;
		this.access = access;
		this.accounts = accounts;
		this.outbox = outbox;
		this.json = json;
	}

	/** Staff: everything held about the person with this address in their partnership. */
	public Map<String, Object> of(GrantsUser staff, String email) {
		this.access.privacyOffice(staff);
		String address = email == null ? "" : email.strip();
		if (address.isEmpty() || address.length() > MAX_EMAIL || !address.matches("[^@\\s]+@[^@\\s]+")) {
			throw ApiException.badInput("email",
					"Bitte geben Sie eine gültige E-Mail-Adresse an / a valid e-mail address is required");
		}
		Optional<GrantsUser> account = this.accounts.byEmail(address)
			.filter(found -> found.partnershipId().equals(staff.partnershipId()));
		return export(staff.partnershipId(), address, account);
	}

	/** A signed-in user: everything held about themselves. */
	public Map<String, Object> own(GrantsUser user) {
		String address = user.email() != null ? user.email() : user.username();
		return export(user.partnershipId(), address,
				this.accounts.byUsername(user.username()).filter(a -> a.partnershipId().equals(user.partnershipId())));
	}

	private Map<String, Object> export(PartnershipId partnership, String email, Optional<GrantsUser> account) {
		String address = email.toLowerCase(Locale.ROOT);
		String username = account.map(GrantsUser::username).orElse(null);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("subject", address);
		export.put("partnershipId", partnership.value());
		export.put("exportedAt", Instant.now());
		export.put("account", account.map(PersonalDataExport::account).orElse(null));
		export.put("organisations", organisations(partnership, address, username));
		List<Map<String, Object>> applications = new ArrayList<>();
		List<Map<String, Object>> events = new ArrayList<>();
		for (ApplicationSummary summary : this.queries
			.query(new FindApplicationsQuery(partnership, null, null, null, null),
					ResponseTypes.multipleInstancesOf(ApplicationSummary.class))
			.join()) {
			Optional<ApplicationDetail> found = this.queries
				.query(new FindApplicationQuery(summary.id(), partnership),
						ResponseTypes.optionalInstanceOf(ApplicationDetail.class))
				.join();
			if (found.isEmpty()) {
				continue;
			}
			ApplicationDetail application = found.get();
			boolean owner = username != null && username.equals(application.owner());
			boolean contact = application.content() != null && application.content().applicant() != null
					&& address.equalsIgnoreCase(strip(application.content().applicant().email()));
			if (owner) {
				applications.add(owned(application));
			}
			else if (contact) {
				applications.add(contactOnly(application));
			}
			if (owner || contact) {
				for (AuditEvent event : audit(partnership, application.id().value(), null)) {
					if (owner || names(event, address, username)) {
						events.add(event(event));
					}
				}
			}
		}
		export.put("applications", applications);
		List<Map<String, Object>> mails = new ArrayList<>();
		for (OutboxMail mail : this.outbox.to(partnership, address)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("to", mail.to());
			row.put("subject", mail.subject());
			row.put("body", mail.body());
			row.put("createdAt", mail.createdAt());
			row.put("sentAt", mail.sentAt());
			mails.add(row);
		}
		export.put("mails", mails);
		if (username != null) {
			for (AuditEvent event : audit(partnership, null, username)) {
				if (events.stream().noneMatch(known -> known.get("eventId").equals(event.eventId()))) {
					events.add(event(event));
				}
			}
		}
		events.sort((a, b) -> Long.compare((Long) a.get("position"), (Long) b.get("position")));
		export.put("auditEvents", events);
		return export;
	}

	private static Map<String, Object> account(GrantsUser account) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("username", account.username());
		row.put("email", account.email());
		row.put("displayName", account.displayName());
		row.put("role", account.role());
		row.put("organisation", account.organisation());
		row.put("enabled", account.enabled());
		row.put("administrator", account.administrator());
		return row;
	}

	private List<OrganisationView> organisations(PartnershipId partnership, String address, String username) {
		List<OrganisationView> all = this.queries
			.query(new FindOrganisationsQuery(partnership, null),
					ResponseTypes.multipleInstancesOf(OrganisationView.class))
			.join();
		return all.stream()
			.filter(organisation -> address.equalsIgnoreCase(strip(organisation.email())) || (username != null
					&& organisation.members() != null && organisation.members().contains(username)))
			.toList();
	}

	private Map<String, Object> owned(ApplicationDetail application) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", application.id().value());
		row.put("as", "OWNER");
		row.put("fundId", application.fundId().value());
		row.put("status", application.status());
		row.put("createdAt", application.createdAt());
		row.put("submittedAt", application.submittedAt());
		row.put("content", application.content());
		row.put("history", application.history());
		row.put("versions", submittedVersions(application));
		row.put("grant", application.grant());
		row.put("organisationId", application.organisationId() == null ? null : application.organisationId().value());
		row.put("documents", documents(application));
		return row;
	}

	private Map<String, Object> contactOnly(ApplicationDetail application) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", application.id().value());
		row.put("as", "CONTACT");
		row.put("fundId", application.fundId().value());
		row.put("status", application.status());
		row.put("title", application.content().title());
		row.put("applicant", application.content().applicant());
		return row;
	}

	/** Every submitted version with its content as it was submitted. */
	private List<Map<String, Object>> submittedVersions(ApplicationDetail application) {
		List<Map<String, Object>> versions = new ArrayList<>();
		for (AuditEvent event : audit(application.partnershipId(), application.id().value(), null)) {
			if (!"ApplicationSubmitted".equals(event.eventType())) {
				continue;
			}
			JsonNode payload = payload(event.payloadJson());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("version", payload.path("version").asInt());
			row.put("submittedAt", event.at());
			row.put("content", payload.get("content"));
			versions.add(row);
		}
		return versions;
	}

	private List<Map<String, Object>> documents(ApplicationDetail application) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (DocumentView document : this.queries
			.query(new FindDocumentsQuery(application.id()), ResponseTypes.multipleInstancesOf(DocumentView.class))
			.join()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("fileName", document.fileName());
			row.put("kind", document.kind());
			row.put("mediaType", document.mediaType());
			row.put("size", document.size());
			row.put("attachedAt", document.attachedAt());
			rows.add(row);
		}
		return rows;
	}

	private List<AuditEvent> audit(PartnershipId partnership, String applicationId, String actor) {
		List<AuditEvent> events = new ArrayList<>();
		for (int page = 0;; page++) {
			AuditEventPage found = this.queries
				.query(new FindAuditEventsQuery(partnership, applicationId, null, actor, List.of(), null, null, page,
						FindAuditEventsQuery.MAX_SIZE), ResponseTypes.instanceOf(AuditEventPage.class))
				.join();
			events.addAll(found.events());
			if (found.events().size() < FindAuditEventsQuery.MAX_SIZE) {
				return events;
			}
		}
	}

	private static boolean names(AuditEvent event, String address, String username) {
		String payload = event.payloadJson() == null ? "" : event.payloadJson().toLowerCase(Locale.ROOT);
		return payload.contains(address) || (username != null && username.equals(event.actor()));
	}

	private Map<String, Object> event(AuditEvent event) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("eventId", event.eventId());
		row.put("position", event.position());
		row.put("at", event.at());
		row.put("type", event.eventType());
		row.put("actor", event.actor());
		row.put("role", event.role());
		row.put("applicationId", event.applicationId());
		row.put("payload", payload(event.payloadJson()));
		return row;
	}

	private JsonNode payload(String text) {
		try {
			return this.json.readTree(text == null ? "{}" : text);
		}
		catch (Exception unreadable) {
			return this.json.createObjectNode();
		}
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}
