package de.pfd.grants.server.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What an auditor proves a decision with: every submitted version of an application in
 * full with what changed, and where each decision on it comes from. Thin over
 * {@link ApplicationVersions} and {@link AuditUseCases} (the pages'
 * {@link DecisionProvenance}).
 */
@RestController
@Tag(name = "Audit", description = "Prüfpfad: jedes Ereignis mit wer, Rolle, wann, was")
@SecurityRequirement(name = "basic")
class ProvenanceController {

	private final ApplicationVersions versions;

	private final AuditUseCases audit;

	private final ObjectMapper json;

	private final MessageSource messages;

	ProvenanceController(ApplicationVersions versions, AuditUseCases audit, ObjectMapper json, MessageSource messages) {
		this.versions = versions;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/api/applications/{id}/versions/{version}")
	@Operation(summary = "A submitted version of the application in full, as submitted (when, by whom), with the "
			+ "changes against the version before (field, before, after; lists by position). Whoever may see the "
			+ "application may read its versions")
	ApplicationVersions.Version version(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String version) {
		int number;
		try {
			number = Integer.parseInt(version);
		}
		catch (NumberFormatException notANumber) {
			throw ApiException.badInput("version", "eine Versionsnummer ab 1 / a version number from 1");
		}
		if (number < 1) {
			throw ApiException.badInput("version", "eine Versionsnummer ab 1 / a version number from 1");
		}
		return this.versions.version(user, id, number);
	}

	/** Who did it, when, as the event's metadata says. */
	record Act(String by, String role, Instant at, long position) {

		static Act of(AuditEvent event) {
			return event == null ? null : new Act(event.actor(), event.role(), event.at(), event.position());
		}

	}

	record Recusal(String username, String reason, boolean automatic, Instant at) {
	}

	/**
	 * A vote as cast; {@code previous}: the member's vote it changed, null for a first
	 * vote.
	 */
	record Ballot(String username, VoteChoice choice, VoteChoice previous, boolean changed, Instant at) {
	}

	/**
	 * The count: the members snapshotted, recused, eligible (without the recused),
	 * participating (abstentions take part), the quorum ({@code quorumPercent} of the
	 * eligible, more than that share: {@code quorumRequired}), yes/no/abstain, the
	 * majority (more yes than no), the result, the rule as a sentence in German and
	 * English, and whether the single votes recounted give the same figures.
	 */
	record Count(int snapshotted, int recused, int eligible, int participating, int quorumPercent, int quorumRequired,
			boolean quorumReached, int yes, int no, int abstain, boolean majority, boolean passed, String ruleDe,
			String ruleEn, boolean recountMatches) {
	}

	/** The voting rules in force and the event that set them. */
	record Rules(int version, Integer quorumPercent, String circularDuration, Act since, String setBy) {
	}

	/** What the decision did to the money: reserved, waitlisted, released. */
	record MoneyEffect(String type, Money amount, Integer waitlistPosition, String fundId, Act act) {
	}

	record Round(int number, int version, String versionHref, ApplicationContent content, boolean fastTrack,
			DecisionBodyType body, VoteProcedure procedure, boolean meeting, Instant closesAt, List<Member> eligible,
			List<Recusal> recusals, List<Ballot> votes, Count count, Rules rules, Act opened, Act closed,
			Instant decidedAt, DecisionOutcome outcome, ApplicationDecided.DecidedBy decidedBy, Money approvedAmount,
			String conditions, String note, List<MoneyEffect> money) {
	}

	record Provenance(String id, String applicationId, String fundId, String title, DecisionBodyType body,
			List<Round> rounds) {
	}

	@GetMapping("/api/decisions/{id}")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Where the decisions on an application come from (id: the applicationId /api/decisions "
			+ "lists), per round: the version voted on, the body, the eligible members, recusals with reasons, every "
			+ "vote including changed ones with their times, the quorum and majority, the rule version in force and "
			+ "when it was set, who opened and who closed the vote, and the reservation or waiting-list result. "
			+ "Staff and auditors")
	Provenance decision(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		DecisionProvenance provenance = this.audit.provenance(user, id);
		if (provenance.rounds().isEmpty()) {
			throw ApiException.notFound("Entscheidung / decision");
		}
		return new Provenance(provenance.application().id().value(), provenance.application().id().value(),
				provenance.application().fundId().value(),
				provenance.application().content() == null ? null : provenance.application().content().title(),
				provenance.application().decisionBody(),
				provenance.rounds()
					.stream()
					.map(round -> round(user, provenance.application().id().value(), round))
					.toList());
	}

	@GetMapping("/api/applications/{id}/decision")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "The same as GET /api/decisions/{id}")
	Provenance applicationDecision(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return decision(user, id);
	}

	private Round round(GrantsUser user, String applicationId, DecisionProvenance.Round round) {
		ApplicationDecided decision = round.decision();
		Rules rules = null;
		if (!round.fastTrack()) {
			VotingRules used = round.vote().rules();
			AuditEvent since = this.audit.rulesInForce(user, round.vote().body(), round.opened()).orElse(null);
			rules = new Rules(decision.ruleVersion(), used == null ? null : used.quorumPercent(),
					used == null || used.circularDuration() == null ? null : used.circularDuration().toString(),
					Act.of(since), since == null ? null : since.eventType());
		}
		DecisionProvenance.Count count = round.count();
		return new Round(round.number(), round.version(),
				"/api/applications/" + applicationId + "/versions/" + round.version(), round.content(),
				round.fastTrack(), round.fastTrack() ? null : round.vote().body(),
				round.fastTrack() ? null : round.vote().procedure(),
				!round.fastTrack() && round.vote().procedure() == VoteProcedure.MEETING,
				round.fastTrack() ? null : round.vote().closesAt(), round.eligible(),
				round.recusals()
					.stream()
					.map(recusal -> new Recusal(recusal.username(), recusal.reason(), recusal.automatic(),
							recusal.at()))
					.toList(),
				round.ballots()
					.stream()
					.map(ballot -> new Ballot(ballot.username(), ballot.choice(), ballot.previous(), ballot.changed(),
							ballot.at()))
					.toList(),
				count == null ? null
						: new Count(count.snapshotted(), count.recused(), count.eligible(), count.participating(),
								count.quorumPercent(), count.quorumRequired(), count.quorumReached(), count.yes(),
								count.no(), count.abstain(), count.majority(), count.passed(),
								rule(count, Locale.GERMAN), rule(count, Locale.ENGLISH), count.recountMatches()),
				rules, Act.of(round.opened()), Act.of(round.decided()),
				decision.decidedAt() != null ? decision.decidedAt() : round.decided().at(), decision.outcome(),
				decision.decidedBy(), decision.approvedAmount(), decision.conditions(), decision.note(),
				round.money().stream().map(this::money).toList());
	}

	/** The rule the count followed, as the provenance page words it, in this language. */
	private String rule(DecisionProvenance.Count count, Locale locale) {
		return this.messages.getMessage("audit.provenance.rules",
				new Object[] { count.ruleVersion(), count.quorumPercent() }, locale);
	}

	private MoneyEffect money(AuditEvent event) {
		JsonNode payload;
		try {
			payload = this.json.readTree(event.payloadJson());
		}
		catch (JsonProcessingException unreadable) {
			payload = this.json.createObjectNode();
		}
		JsonNode amount = payload.get("amount");
		JsonNode position = payload.get("position");
		return new MoneyEffect(event.eventType(),
				amount == null || amount.isNull() ? null : Money.of(new BigDecimal(amount.asText())),
				position == null || position.isNull() ? null : position.asInt(), event.fundId(), Act.of(event));
	}

}
