package de.pfd.grants.server.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.portal.PageFormat;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.privacy.PersonalData;

/**
 * An event as a plain sentence in the page's language ("Antrag eingereicht (Version 2,
 * 4.500,00 €)", "Stimme abgegeben: Ja"), from the message {@code audit.event.<type>} and
 * the payload's fields named here. A field is read plain, as money ({@code €}), as a
 * value with a label of its own ({@code @}, {@code audit.value.<value>}) or as the size
 * of a list ({@code #}). An event type without a sentence shows its name. Used in the
 * templates as {@code @auditText}.
 */
@Component("auditText")
public class AuditSentences {

	/** Each event type and the payload fields its sentence names, in order. */
	static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

	static {
		fields("PartnershipRegistered", "name");
		fields("PartnershipSettingsChanged", "@fourEyesPayouts", "processingTimeTargetDays");
		fields("FundOpened", "@type", "year", "€budget");
		fields("BudgetAdjusted", "€change", "€newBudget", "reason");
		fields("CallRoundAdded", "name", "submissionDeadline", "budgetSharePercent");
		fields("WaitlistPolicySet", "@policy", "version");
		fields("FundsReserved", "€amount");
		fields("ReservationWaitlisted", "position", "€amount");
		fields("WaitlistEntryRemoved", "reason");
		fields("FundsReleased", "€amount", "reason");
		fields("FundsLapsed", "€amount");
		fields("FundClosed", "€lapsed");
		fields("PayoutBooked", "€amount");
		fields("PayoutBookingReversed", "€amount");
		fields("RefundBooked", "€amount");
		fields("RefundBookingReversed", "€amount");
		fields("DecisionBodyEstablished", "name");
		fields("MemberAdded", "member.name");
		fields("MemberRemoved", "username");
		fields("VotingRulesChanged", "rules.version", "rules.quorumPercent");
		fields("OrganisationRegistered", "name");
		fields("OrganisationMerged", "into");
		fields("AccountLinkedToOrganisation", "username");
		fields("ApplicationDrafted", "content.title");
		fields("ApplicationDraftUpdated", "content.title");
		fields("ApplicationSubmitted", "version", "€content.requestedAmount");
		fields("ApplicationAccepted", "version");
		fields("ApplicationReturnedForRevision", "version", "note");
		fields("ApplicationRejectedAsIneligible", "version", "reason");
		fields("ApplicationWithdrawn", "reason");
		fields("ApplicationNotFunded", "reason");
		fields("VoteOpened", "version", "@procedure", "#eligible");
		fields("MemberRecused", "username", "reason");
		fields("VoteCast", "@choice", "username");
		fields("ApplicationDecided", "@outcome", "€approvedAmount");
		fields("ApprovedFundsReserved", "€amount");
		fields("ApprovalWaitlisted", "position");
		fields("GrantNoticeIssued", "reference", "€approvedAmount");
		fields("GrantNoticeConfirmed", "proofOfUseDueOn");
		fields("DocumentAttached", "fileName", "@kind");
		fields("DocumentRemoved");
		fields("PayoutRequested", "€amount");
		fields("PayoutCertified", "€amount", "paidOn");
		fields("PayoutRecorded", "€amount", "paidOn");
		fields("PayoutReversed", "€amount", "reason");
		fields("ProofOfUseSubmitted", "€totalCosts");
		fields("ProofOfUseReturned", "note");
		fields("ProofOfUseAccepted", "€eligibleAmount", "€refundDue");
		fields("ProofOfUseReviewCorrected", "€eligibleAmount", "reason");
		fields("ProofOfUseOverdue", "dueOn");
		fields("GrantSettled", "€finalGrant");
		fields("GrantCancelled", "reason");
		fields("RefundRecorded", "€amount", "receivedOn");
		fields("RefundReversed", "€amount", "reason");
		fields("PersonalDataErased", "reason");
	}

	private static void fields(String type, String... fields) {
		FIELDS.put(type, List.of(fields));
	}

	private final MessageSource messages;

	private final ObjectMapper json;

	private final PageFormat format;

	AuditSentences(MessageSource messages, ObjectMapper json, PageFormat format) {
		this.messages = messages;
		this.json = json;
		this.format = format;
	}

	/** The event types that have a sentence, in the order of the lifecycle. */
	public List<String> kinds() {
		return List.copyOf(FIELDS.keySet());
	}

	/** The name of a kind of event: its sentence up to the first detail. */
	public String kind(String type) {
		String sentence = this.messages.getMessage("audit.event." + type, null, type, locale());
		int cut = sentence.length();
		for (String stop : List.of(" (", ":", " {")) {
			int at = sentence.indexOf(stop);
			if (at > 0 && at < cut) {
				cut = at;
			}
		}
		return sentence.substring(0, cut);
	}

	/** What the event says, as a sentence. */
	public String what(AuditEvent event) {
		List<String> fields = FIELDS.get(event.eventType());
		if (fields == null) {
			return event.eventType();
		}
		JsonNode payload = tree(event);
		Object[] args = fields.stream().map(field -> value(payload, field)).toArray();
		return this.messages.getMessage("audit.event." + event.eventType(), args, event.eventType(), locale());
	}

	/**
	 * What the event says in this language (the API gives German and English), its
	 * amounts and days written as a page in that language writes them.
	 */
	public String what(AuditEvent event, Locale locale) {
		LocaleContext before = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(locale);
		try {
			return what(event);
		}
		finally {
			LocaleContextHolder.setLocaleContext(before);
		}
	}

	/** Who acted: the login, or "System" (and what set it off). */
	public String who(AuditEvent event) {
		if (event.actor() == null) {
			return "–";
		}
		if (!event.bySystem()) {
			return event.actor();
		}
		String system = this.messages.getMessage("audit.system", null, "System", locale());
		if (event.causedBy() == null) {
			return system;
		}
		return this.messages.getMessage("audit.system.cause",
				new Object[] { system, kind(event.causedBy().eventType()), event.causedBy().position() }, system,
				locale());
	}

	/** The acting role, named. */
	public String role(AuditEvent event) {
		if (event.role() == null) {
			return "–";
		}
		return this.messages.getMessage("audit.role." + event.role(), null, event.role(), locale());
	}

	/** A value's label ("Ja" for YES), or the value. */
	public String label(Object value) {
		if (value == null) {
			return "–";
		}
		return this.messages.getMessage("audit.value." + value, null, value.toString(), locale());
	}

	private String value(JsonNode payload, String field) {
		char kind = field.charAt(0);
		String path = kind == '€' || kind == '@' || kind == '#' ? field.substring(1) : field;
		JsonNode node = payload;
		for (String part : path.split("\\.")) {
			node = node == null ? null : node.get(part);
		}
		if (node == null || node.isNull()) {
			return "–";
		}
		return switch (kind) {
			case '€' -> this.format.euro(Money.of(new BigDecimal(node.asText())));
			case '@' -> label(node.asText());
			case '#' -> String.valueOf(node.size());
			default -> plain(node);
		};
	}

	private String plain(JsonNode node) {
		String text = node.asText();
		if (PersonalData.ERASED.equals(text)) {
			// an erased personal text (ADR 0012) in the sentence's language
			return this.messages.getMessage("privacy.erased.value", null, text, locale());
		}
		if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return this.format.date(LocalDate.parse(text));
		}
		return text;
	}

	private JsonNode tree(AuditEvent event) {
		try {
			return this.json.readTree(event.payloadJson());
		}
		catch (JsonProcessingException unreadable) {
			return this.json.createObjectNode();
		}
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
