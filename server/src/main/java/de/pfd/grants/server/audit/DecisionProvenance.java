package de.pfd.grants.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteCast;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteOpened;

/**
 * Where the decisions on one application come from, read from its events (the audit
 * trail): per round of decision the version voted on with its full content, the members
 * eligible when the vote opened, the recusals, every vote as cast and changed with its
 * time, the count with the quorum and the majority, the rule version, who opened and who
 * closed, and what the decision did to the money. A fast-track decision of the lead
 * office is a round without a vote.
 */
public record DecisionProvenance(ApplicationDetail application, List<Round> rounds) {

	/** The events that show what a decision did to the money. */
	static final Set<String> MONEY = Set.of("ApprovedFundsReserved", "ApprovalWaitlisted", "FundsReserved",
			"ReservationWaitlisted", "WaitlistEntryRemoved", "FundsReleased");

	/** One vote (or one fast-track decision) on the application. */
	public record Round(int number, int version, ApplicationContent content, VoteOpened vote, AuditEvent opened,
			List<Recusal> recusals, List<Ballot> ballots, ApplicationDecided decision, AuditEvent decided, Count count,
			List<AuditEvent> money) {

		public boolean fastTrack() {
			return this.vote == null;
		}

		public List<Member> eligible() {
			return this.vote == null ? List.of() : this.vote.eligible();
		}

	}

	public record Recusal(String username, String reason, boolean automatic, Instant at) {
	}

	/** A vote as cast; {@code previous}: the member's choice it replaced, if any. */
	public record Ballot(String username, VoteChoice choice, VoteChoice previous, Instant at) {

		public boolean changed() {
			return this.previous != null;
		}

	}

	/**
	 * The computation behind a vote's result, as the decision recorded it (its tally),
	 * and the same count made again from the single votes ({@code recountMatches}).
	 */
	public record Count(int snapshotted, int recused, int eligible, int participating, int quorumPercent,
			int quorumRequired, boolean quorumReached, int yes, int no, int abstain, boolean majority, boolean passed,
			int ruleVersion, boolean recountMatches) {

		static Count of(VoteOpened vote, List<Recusal> recusals, Map<String, VoteChoice> finalVotes,
				ApplicationDecided decision) {
			Tally tally = decision.tally();
			Set<String> recused = new java.util.HashSet<>(tally.recused());
			recusals.forEach(recusal -> recused.add(recusal.username()));
			Map<VoteChoice, Integer> recount = new HashMap<>();
			finalVotes.forEach((member, choice) -> {
				if (!recused.contains(member)) {
					recount.merge(choice, 1, Integer::sum);
				}
			});
			boolean matches = recount.getOrDefault(VoteChoice.YES, 0) == tally.yes()
					&& recount.getOrDefault(VoteChoice.NO, 0) == tally.no()
					&& recount.getOrDefault(VoteChoice.ABSTAIN, 0) == tally.abstain();
			boolean majority = tally.yes() > tally.no();
			return new Count(vote.eligible().size(), tally.recused().size(), tally.eligible(), tally.participating(),
					vote.rules() == null ? 0 : vote.rules().quorumPercent(), tally.quorumRequired(),
					tally.quorumReached(), tally.yes(), tally.no(), tally.abstain(), majority,
					decision.outcome() == DecisionOutcome.APPROVED, decision.ruleVersion(), matches);
		}

	}

	/** The rounds of decision read from the application's events, oldest first. */
	static DecisionProvenance of(ApplicationDetail application, List<AuditEvent> events, ObjectMapper json) {
		Map<Integer, ApplicationContent> versions = new HashMap<>();
		List<Round> rounds = new ArrayList<>();
		Open open = null;
		Round last = null;
		for (AuditEvent event : events) {
			switch (event.eventType()) {
				case "ApplicationSubmitted" -> {
					ApplicationSubmitted submitted = read(json, event, ApplicationSubmitted.class);
					versions.put(submitted.version(), submitted.content());
				}
				case "VoteOpened" -> {
					open = new Open(read(json, event, VoteOpened.class), event);
					last = null;
				}
				case "MemberRecused" -> {
					if (open != null) {
						MemberRecused recused = read(json, event, MemberRecused.class);
						open.recusals
							.add(new Recusal(recused.username(), recused.reason(), recused.automatic(), event.at()));
					}
				}
				case "VoteCast" -> {
					if (open != null) {
						VoteCast cast = read(json, event, VoteCast.class);
						VoteChoice previous = open.finalVotes.put(cast.username(), cast.choice());
						open.ballots.add(new Ballot(cast.username(), cast.choice(), previous, event.at()));
					}
				}
				case "ApplicationDecided" -> {
					ApplicationDecided decision = read(json, event, ApplicationDecided.class);
					int number = rounds.size() + 1;
					if (open == null) {
						last = new Round(number, decision.version(), versions.get(decision.version()), null, null,
								List.of(), List.of(), decision, event, null, new ArrayList<>());
					}
					else {
						Count count = decision.tally() == null ? null
								: Count.of(open.vote, open.recusals, open.finalVotes, decision);
						last = new Round(number, open.vote.version(), versions.get(open.vote.version()), open.vote,
								open.event, List.copyOf(open.recusals), List.copyOf(open.ballots), decision, event,
								count, new ArrayList<>());
					}
					rounds.add(last);
					open = null;
				}
				default -> {
					if (last != null && MONEY.contains(event.eventType())) {
						last.money().add(event);
					}
				}
			}
		}
		return new DecisionProvenance(application, List.copyOf(rounds));
	}

	/** A vote opened and not closed yet, as the events tell it. */
	private static final class Open {

		final VoteOpened vote;

		final AuditEvent event;

		final List<Recusal> recusals = new ArrayList<>();

		final List<Ballot> ballots = new ArrayList<>();

		final Map<String, VoteChoice> finalVotes = new LinkedHashMap<>();

		Open(VoteOpened vote, AuditEvent event) {
			this.vote = vote;
			this.event = event;
		}

	}

	private static <T> T read(ObjectMapper json, AuditEvent event, Class<T> type) {
		try {
			return json.readerFor(type)
				.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.readValue(event.payloadJson());
		}
		catch (JsonProcessingException unreadable) {
			throw new IllegalStateException("audit event " + event.eventId() + " unreadable as " + type.getSimpleName(),
					unreadable);
		}
	}

}
