package de.pfd.grants.server.workspace.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import de.pfd.grants.command.fund.ReservationForecast;
import de.pfd.grants.command.voting.VotingPolicy;
import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySetting;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.FindAgendaQuery;
import de.pfd.grants.shared.voting.Tally;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.voting.VoteView;

/**
 * The meetings of the partnership's bodies, for its staff: prepare one (fund, day,
 * title), choose its agenda from the applications ready for decision in its fund, see the
 * what-if of the agenda against the fund, start it (a vote at the meeting for each item),
 * and close it once every item is decided. The votes and resolutions themselves go
 * through {@link VotingUseCases}: a meeting is planning data, they are events.
 */
@Service
public class MeetingUseCases {

	/** What a meeting can put on its agenda: ready, or undecided for want of a quorum. */
	static final Set<ApplicationStatus> DECIDABLE = EnumSet.of(ApplicationStatus.READY_FOR_DECISION,
			ApplicationStatus.NO_DECISION);

	private final MeetingStore store;

	private final AccessPolicy access;

	private final ApplicationUseCases applications;

	private final VotingUseCases voting;

	private final FundUseCases funds;

	private final QueryGateway queries;

	MeetingUseCases(MeetingStore store, AccessPolicy access, ApplicationUseCases applications, VotingUseCases voting,
			FundUseCases funds, QueryGateway queries) {
		this.queries = queries;
		this.store = store;
		this.access = access;
		this.applications = applications;
		this.voting = voting;
		this.funds = funds;
	}

	/** The partnership's meetings, the latest day first. */
	public List<Meeting> meetings(GrantsUser user) {
		requireStaff(user);
		return this.store.all(user.partnershipId());
	}

	/** A meeting of the user's partnership, or 404. */
	public Meeting meeting(GrantsUser user, String id) {
		requireStaff(user);
		return this.store.find(user.partnershipId(), id).orElseThrow(() -> ApiException.notFound("Sitzung / meeting"));
	}

	/**
	 * A meeting of the body that decides the fund (an open fund of the user's
	 * partnership), on a day, with a title.
	 */
	public Meeting prepare(GrantsUser user, String fundId, LocalDate heldOn, String title) {
		requireStaff(user);
		if (fundId == null || fundId.isBlank()) {
			throw ApiException.badInput("fund", "Bitte wählen Sie den Fonds (und damit das Gremium) / choose the fund");
		}
		FundBudget fund = this.access.fund(user, fundId, null);
		if (fund.status() != FundStatus.OPEN) {
			throw ApiException.badInput("fund",
					"Der Fonds ist abgeschlossen; aus ihm wird nichts mehr bewilligt / the fund is closed");
		}
		if (heldOn == null) {
			throw ApiException.badInput("heldOn",
					"Bitte geben Sie das Datum der Sitzung an / the meeting needs a date");
		}
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw ApiException.badInput("title",
					"Bitte geben Sie einen Titel mit höchstens 200 Zeichen an / a title of at most 200 characters");
		}
		Meeting meeting = new Meeting(UUID.randomUUID().toString(), user.partnershipId(), fund.id(),
				fund.decisionBody(), name, heldOn, Meeting.Status.PLANNED, user.username(), Instant.now(), null, null,
				List.of());
		this.store.insert(meeting);
		return meeting;
	}

	/**
	 * An application chosen for the agenda, at a place, with an amount for the what-if.
	 */
	public record Choice(String applicationId, int position, Money whatIfAmount) {
	}

	/**
	 * The agenda, replaced as a whole while the meeting is planned: applications of its
	 * fund that are ready for decision, in the order of their places (ties in the order
	 * given); a what-if amount is positive and at most the requested amount.
	 */
	public Meeting setAgenda(GrantsUser user, String id, List<Choice> choices) {
		Meeting meeting = meeting(user, id);
		requireStatus(meeting, Meeting.Status.PLANNED);
		List<Choice> ordered = new ArrayList<>(choices);
		ordered.sort(Comparator.comparingInt(Choice::position));
		List<Meeting.Item> items = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Choice choice : ordered) {
			ApplicationDetail application = this.access.application(user, choice.applicationId());
			if (!seen.add(application.id().value())) {
				continue;
			}
			if (!application.fundId().equals(meeting.fundId()) || !DECIDABLE.contains(application.status())) {
				throw ApiException.badInput("application-" + application.id().value(),
						"Der Antrag steht in diesem Fonds nicht zur Entscheidung an / the application is not ready for "
								+ "decision in this meeting's fund");
			}
			Money amount = choice.whatIfAmount();
			Money requested = application.content().requestedAmount();
			if (amount != null && (!amount.isPositive() || amount.isGreaterThan(requested))) {
				throw ApiException.badInput("amount-" + application.id().value(),
						"Der Betrag muss größer als 0 und höchstens der beantragte sein / the amount must be positive "
								+ "and at most the requested " + requested);
			}
			items.add(new Meeting.Item(application.id(), items.size() + 1,
					amount == null || amount.equals(requested) ? null : amount));
		}
		this.store.replaceItems(meeting.id(), items);
		return meeting(user, id);
	}

	/**
	 * The applications the meeting may take: those of its fund ready for decision, and
	 * those on its agenda, in the agenda's order first.
	 */
	public List<ApplicationSummary> candidates(GrantsUser user, Meeting meeting) {
		Map<String, ApplicationSummary> byId = new LinkedHashMap<>();
		for (ApplicationStatus status : DECIDABLE) {
			this.applications.list(user, meeting.fundId().value(), status)
				.forEach(summary -> byId.put(summary.id().value(), summary));
		}
		return byId.values()
			.stream()
			.sorted(Comparator.comparing((ApplicationSummary s) -> position(meeting, s.id()))
				.thenComparing(s -> s.submittedAt() == null ? Instant.MAX : s.submittedAt()))
			.toList();
	}

	private static int position(Meeting meeting, ApplicationId id) {
		return meeting.items()
			.stream()
			.filter(item -> item.applicationId().equals(id))
			.mapToInt(Meeting.Item::position)
			.findFirst()
			.orElse(Integer.MAX_VALUE);
	}

	/** One line of the what-if: an approval in agenda order and what the fund answers. */
	public record WhatIfRow(ApplicationId applicationId, String title, Money requested, Money amount,
			Money availableAfter, ReservationForecast.Answer answer) {
	}

	/**
	 * The what-if of an agenda: the fund's available money and its waiting-list policy
	 * before the vote, the approvals already waiting, and each approval's line.
	 */
	public record WhatIf(Money availableBefore, WaitlistPolicy policy, int waitingAhead, List<WhatIfRow> rows) {
	}

	/** An approval the what-if assumes: the application, requested and assumed amount. */
	public record Assumed(ApplicationId applicationId, String title, Money requested, Money amount) {
	}

	/**
	 * The what-if of the meeting's agenda against its fund as it stands now: each
	 * approval at its requested amount (or the amount entered for it), in agenda order;
	 * during the meeting, of the items not yet decided.
	 */
	public WhatIf whatIf(GrantsUser user, Meeting meeting) {
		FundBudget fund = this.access.fund(user, meeting.fundId().value(), null);
		List<WaitlistPolicySetting> settings = this.funds.waitlistPolicy(user, meeting.fundId().value());
		WaitlistPolicy policy = settings.isEmpty() ? WaitlistPolicy.DEFAULT
				: settings.get(settings.size() - 1).policy();
		int waiting = this.applications.list(user, meeting.fundId().value(), ApplicationStatus.WAITLISTED).size();
		List<Assumed> assumed = new ArrayList<>();
		for (Meeting.Item item : meeting.items()) {
			ApplicationDetail application = this.access.application(user, item.applicationId().value());
			if (!DECIDABLE.contains(application.status()) && application.status() != ApplicationStatus.IN_VOTING) {
				// decided already: its money is part of the fund's figures now
				continue;
			}
			Money requested = application.content().requestedAmount();
			assumed.add(new Assumed(application.id(), application.content().title(), requested,
					item.whatIfAmount() == null ? requested : item.whatIfAmount()));
		}
		return whatIf(policy, fund.available(), waiting, assumed);
	}

	/**
	 * The what-if's one computation: the fund's own rule ({@link ReservationForecast})
	 * over the approvals in their order.
	 */
	static WhatIf whatIf(WaitlistPolicy policy, Money available, int waitingAhead, List<Assumed> approvals) {
		List<ReservationForecast.Step> steps = ReservationForecast.of(policy, available, waitingAhead,
				approvals.stream().map(Assumed::amount).toList());
		List<WhatIfRow> rows = new ArrayList<>();
		for (int i = 0; i < approvals.size(); i++) {
			Assumed a = approvals.get(i);
			ReservationForecast.Step step = steps.get(i);
			rows.add(new WhatIfRow(a.applicationId(), a.title(), a.requested(), a.amount(), step.availableAfter(),
					step.answer()));
		}
		return new WhatIf(available, policy == null ? WaitlistPolicy.DEFAULT : policy, waitingAhead, rows);
	}

	/**
	 * Starts the meeting: a vote at the meeting on every item of the agenda, in its order
	 * (one already open at a meeting counts as opened). Refused before anything is opened
	 * if an item is no longer ready for decision.
	 */
	public Meeting start(GrantsUser user, String id) {
		Meeting meeting = meeting(user, id);
		requireStatus(meeting, Meeting.Status.PLANNED);
		if (meeting.items().isEmpty()) {
			throw ApiException.badInput("agenda",
					"Die Tagesordnung ist leer: wählen Sie zuerst Anträge aus / choose applications for the agenda first");
		}
		List<ApplicationDetail> toOpen = new ArrayList<>();
		for (Meeting.Item item : meeting.items()) {
			ApplicationDetail application = this.access.application(user, item.applicationId().value());
			AgendaItem vote = application.status() == ApplicationStatus.IN_VOTING ? openVote(user, application) : null;
			boolean openAtMeeting = vote != null && vote.procedure() == VoteProcedure.MEETING;
			if (!openAtMeeting && !DECIDABLE.contains(application.status())) {
				throw ApiException.badInput("application-" + application.id().value(),
						"„" + application.content().title() + "“ steht nicht mehr zur Entscheidung an / is no longer "
								+ "ready for decision");
			}
			if (!openAtMeeting) {
				toOpen.add(application);
			}
		}
		for (ApplicationDetail application : toOpen) {
			this.voting.openVote(user, application.id().value(), VoteProcedure.MEETING, null, false);
		}
		this.store.changeStatus(meeting.id(), Meeting.Status.PLANNED, Meeting.Status.STARTED, Instant.now());
		return meeting(user, id);
	}

	/** Closes the meeting once every item on its agenda is decided. */
	public Meeting close(GrantsUser user, String id) {
		Meeting meeting = meeting(user, id);
		requireStatus(meeting, Meeting.Status.STARTED);
		for (Meeting.Item item : meeting.items()) {
			ApplicationDetail application = this.access.application(user, item.applicationId().value());
			if (application.status() == ApplicationStatus.IN_VOTING
					|| application.status() == ApplicationStatus.READY_FOR_DECISION) {
				throw ApiException.badInput("agenda", "Über „" + application.content().title()
						+ "“ ist noch nicht entschieden / not yet decided: " + application.content().title());
			}
		}
		this.store.changeStatus(meeting.id(), Meeting.Status.STARTED, Meeting.Status.CLOSED, Instant.now());
		return meeting(user, id);
	}

	/** How an application's vote stands: the current round's members, tally, quorum. */
	public record VoteState(ApplicationDetail application, VoteProcedure procedure, Instant closesAt,
			List<VoteView> members, Tally tally, int quorumPercent, Map<String, String> names) {

		/** The member's name as the body lists it (the user name if it lists none). */
		public String name(String username) {
			return this.names.getOrDefault(username, username);
		}

		/** What closing the vote now would decide (without a return for improvement). */
		public de.pfd.grants.shared.voting.DecisionOutcome outcomeNow() {
			return this.tally == null ? null : VotingPolicy.outcome(this.tally, false);
		}

	}

	/**
	 * An application's vote as it stands: the members of the current round (the snapshot
	 * taken when it opened) with their votes and recusals, and the tally so far with the
	 * quorum (by the body's rules, as the command side counts them). Procedure and
	 * members are null and empty while no vote is open.
	 */
	public VoteState voteState(GrantsUser user, String applicationId) {
		requireStaff(user);
		ApplicationDetail application = this.access.application(user, applicationId);
		DecisionBodyView body = body(user, application.decisionBody());
		VotingRules rules = body == null ? VotingRules.defaults() : body.rules();
		Map<String, String> names = new HashMap<>();
		if (body != null) {
			body.members()
				.stream()
				.filter(member -> member.name() != null && !member.name().isBlank())
				.forEach(member -> names.put(member.username(), member.name()));
		}
		if (application.status() != ApplicationStatus.IN_VOTING) {
			return new VoteState(application, null, null, List.of(), null, rules.quorumPercent(), names);
		}
		AgendaItem open = openVote(user, application);
		List<VoteView> all = this.voting.votes(user, application.id().value());
		int round = all.stream().mapToInt(VoteView::round).max().orElse(0);
		List<VoteView> current = all.stream().filter(v -> v.round() == round).toList();
		Set<String> eligible = new LinkedHashSet<>();
		Map<String, String> recused = new HashMap<>();
		Map<String, VoteChoice> votes = new HashMap<>();
		for (VoteView v : current) {
			eligible.add(v.username());
			if (v.recused()) {
				recused.put(v.username(), v.reason() == null ? "" : v.reason());
			}
			else if (v.choice() != null) {
				votes.put(v.username(), v.choice());
			}
		}
		Tally tally = VotingPolicy.tally(eligible, recused, votes, rules);
		return new VoteState(application, open == null ? null : open.procedure(), open == null ? null : open.closesAt(),
				current, tally, rules.quorumPercent(), names);
	}

	/** The rules of the body that decides (defaults if the body is not set up). */
	public VotingRules rules(GrantsUser user, DecisionBodyType body) {
		DecisionBodyView view = body(user, body);
		return view == null ? VotingRules.defaults() : view.rules();
	}

	private DecisionBodyView body(GrantsUser user, DecisionBodyType type) {
		return this.access.bodies(user).stream().filter(b -> b.type() == type).findFirst().orElse(null);
	}

	/** The open vote on an application (procedure, deadline), or null. */
	private AgendaItem openVote(GrantsUser user, ApplicationDetail application) {
		return this.queries
			.query(new FindAgendaQuery(user.partnershipId(), application.decisionBody(), user.username()),
					ResponseTypes.multipleInstancesOf(AgendaItem.class))
			.join()
			.stream()
			.filter(item -> item.applicationId().equals(application.id()))
			.findFirst()
			.orElse(null);
	}

	private static void requireStatus(Meeting meeting, Meeting.Status status) {
		if (meeting.status() != status) {
			throw new ApiException(HttpStatus.CONFLICT, ErrorCode.WRONG_STATUS, switch (status) {
				case PLANNED -> "Die Sitzung hat schon begonnen; die Tagesordnung steht fest / the meeting has started";
				case STARTED -> meeting.status() == Meeting.Status.CLOSED
						? "Die Sitzung ist schon geschlossen / the meeting is closed"
						: "Die Sitzung hat noch nicht begonnen / the meeting has not started";
				case CLOSED -> "Die Sitzung ist noch nicht geschlossen / the meeting is not closed";
			}, null);
		}
	}

	private static void requireStaff(GrantsUser user) {
		if (user.role() != Role.STAFF) {
			throw new AccessDeniedException("staff only");
		}
	}

	/**
	 * When a resolution on an item of this meeting counts: on the meeting's day (noon in
	 * the office's time, or when the votes were opened if later that day) when its votes
	 * were opened on that day and its minutes are recorded later; null (now) on the day
	 * itself, for a meeting whose votes were opened only after it (the history says so),
	 * and for an application that is not on its agenda.
	 */
	public static Instant resolutionTime(Meeting meeting, String applicationId) {
		boolean onTheAgenda = meeting.items()
			.stream()
			.anyMatch(item -> item.applicationId().value().equals(applicationId));
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		if (!onTheAgenda || meeting.heldOn() == null || meeting.startedAt() == null || !meeting.heldOn().isBefore(today)
				|| PartnershipCalendar.dayOf(meeting.startedAt()).isAfter(meeting.heldOn())) {
			return null;
		}
		Instant noon = meeting.heldOn().atTime(LocalTime.NOON).atZone(PartnershipCalendar.ZONE).toInstant();
		return noon.isBefore(meeting.startedAt()) ? meeting.startedAt() : noon;
	}

}
