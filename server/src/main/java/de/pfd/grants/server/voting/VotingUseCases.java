package de.pfd.grants.server.voting;

import java.time.Instant;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.AgendaItem;
import de.pfd.grants.shared.voting.CastVoteCommand;
import de.pfd.grants.shared.voting.CloseVoteCommand;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;
import de.pfd.grants.shared.voting.DecisionView;
import de.pfd.grants.shared.voting.DeclareRecusalCommand;
import de.pfd.grants.shared.voting.FindVotesQuery;
import de.pfd.grants.shared.voting.OpenVoteCommand;
import de.pfd.grants.shared.voting.RecordMeetingVoteCommand;
import de.pfd.grants.shared.voting.VoteChoice;
import de.pfd.grants.shared.voting.VoteProcedure;
import de.pfd.grants.shared.voting.VoteView;

/**
 * The use cases of deciding: votes of the steering board and the youth forum, recusal,
 * closing, the lead office's fast track, and the grant notice. What a vote needs (the
 * members, the rules, the fund's limits) is known to the command side itself.
 */
@Service
public class VotingUseCases {

	private final ApplicationUseCases applications;

	private final QueryGateway queries;

	private final AccessPolicy access;

	VotingUseCases(ApplicationUseCases applications, QueryGateway queries, AccessPolicy access) {
		this.applications = applications;
		this.queries = queries;
		this.access = access;
	}

	public ApplicationDetail openVote(GrantsUser user, String id, VoteProcedure procedure, Instant closesAt,
			boolean proposeEarlyStart) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new OpenVoteCommand(application.id(), procedure, closesAt, proposeEarlyStart));
	}

	public ApplicationDetail vote(GrantsUser user, String id, VoteChoice choice) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new CastVoteCommand(application.id(), user.username(), choice));
	}

	public ApplicationDetail recuse(GrantsUser user, String id, String reason) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new DeclareRecusalCommand(application.id(), user.username(), reason));
	}

	/**
	 * Closing decides; an approval then waits for the fund's answer (reserved or
	 * waiting).
	 */
	public ApplicationDetail closeVote(GrantsUser user, String id, Money approvedAmount, String conditions,
			boolean returnForImprovement, String note, boolean approveEarlyStart) {
		return closeVote(user, id, approvedAmount, conditions, returnForImprovement, note, approveEarlyStart, null);
	}

	/**
	 * As above, the resolution dated {@code decidedAt} (the day of the meeting whose
	 * minutes are recorded; null: now); the command side refuses it for a circular vote
	 * and in the future.
	 */
	public ApplicationDetail closeVote(GrantsUser user, String id, Money approvedAmount, String conditions,
			boolean returnForImprovement, String note, boolean approveEarlyStart, Instant decidedAt) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.decide(user, application, new CloseVoteCommand(application.id(), approvedAmount,
				conditions, returnForImprovement, note, approveEarlyStart, decidedAt));
	}

	public ApplicationDetail fastTrack(GrantsUser user, String id, boolean approve, Money approvedAmount,
			String conditions, String note, boolean approveEarlyStart) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.decide(user, application, new DecideOnFastTrackCommand(application.id(), approve,
				approvedAmount, conditions, note, approveEarlyStart));
	}

	public ApplicationDetail issueNotice(GrantsUser user, String id, String reference) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application, new IssueGrantNoticeCommand(application.id(), reference));
	}

	public ApplicationDetail confirmNotice(GrantsUser user, String id) {
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new ConfirmGrantNoticeCommand(application.id(), user.username()));
	}

	public List<VoteView> votes(GrantsUser user, String id) {
		ApplicationDetail application = this.access.application(user, id);
		return this.queries
			.query(new FindVotesQuery(application.id(), user.partnershipId()),
					ResponseTypes.multipleInstancesOf(VoteView.class))
			.join();
	}

	public List<AgendaItem> agenda(GrantsUser user) {
		return this.access.agenda(user)
			.map(query -> this.queries.query(query, ResponseTypes.multipleInstancesOf(AgendaItem.class)).join())
			.orElse(List.of());
	}

	public List<DecisionView> decisions(GrantsUser user, String fundId) {
		FundId fund = fundId == null || fundId.isBlank() ? null : this.access.fund(user, fundId, null).id();
		return this.access.decisions(user, fund)
			.map(query -> this.queries.query(query, ResponseTypes.multipleInstancesOf(DecisionView.class)).join())
			.orElse(List.of());
	}

	/**
	 * Staff record a member's vote as minuted at a meeting ({@code recused}: a conflict
	 * of interest with its reason instead of a choice). The command side allows it only
	 * for a vote held at a meeting and a member of its snapshot; the acting staff member
	 * is in the event's metadata.
	 */
	public ApplicationDetail recordMeetingVote(GrantsUser user, String id, String member, VoteChoice choice,
			boolean recused, String reason) {
		if (user.role() != Role.STAFF) {
			throw new org.springframework.security.access.AccessDeniedException("staff only");
		}
		ApplicationDetail application = this.access.application(user, id);
		return this.applications.change(user, application,
				new RecordMeetingVoteCommand(application.id(), member, choice, recused, reason));
	}

}
