package de.pfd.grants.command.body;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.command.organisation.Organisations;
import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.ChangeVotingRulesCommand;
import de.pfd.grants.shared.body.DecisionBodyEstablished;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.EstablishDecisionBodyCommand;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.MemberAdded;
import de.pfd.grants.shared.body.MemberRemoved;
import de.pfd.grants.shared.body.RemoveMemberCommand;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.body.VotingRulesChanged;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/** A steering board or youth forum: its members and its voting rules (versioned). */
@Aggregate
public class DecisionBody {

	@AggregateIdentifier
	private DecisionBodyId bodyId;

	private PartnershipId partnershipId;

	private Map<String, Member> members;

	private VotingRules rules;

	protected DecisionBody() {
	}

	@CommandHandler
	public DecisionBody(EstablishDecisionBodyCommand command) {
		check(command.bodyId().equals(DecisionBodyId.of(command.partnershipId(), command.type())),
				ErrorCode.INVALID_INPUT, "the body id is derived from partnership and type");
		check(command.name() != null && !command.name().isBlank(), ErrorCode.INVALID_INPUT, "a body needs a name");
		apply(new DecisionBodyEstablished(command.bodyId(), command.partnershipId(), command.type(),
				command.name().strip(), VotingRules.defaults()));
	}

	/**
	 * A member represents organisations of the body's partnership, named by id (unknown
	 * ones, or another partnership's, are refused).
	 */
	@CommandHandler
	public void handle(AddMemberCommand command, Organisations organisations) {
		Member member = command.member();
		check(member.username() != null && !member.username().isBlank(), ErrorCode.INVALID_INPUT,
				"a member needs an account");
		for (OrganisationId id : member.organisationIds()) {
			check(organisations.find(id).filter(known -> known.partnershipId().equals(this.partnershipId)).isPresent(),
					ErrorCode.INVALID_INPUT, "Unbekannte Organisation / unknown organisation", "organisationIds");
		}
		if (member.equals(this.members.get(member.username()))) {
			return;
		}
		apply(new MemberAdded(this.bodyId, member));
	}

	@CommandHandler
	public void handle(RemoveMemberCommand command) {
		check(this.members.containsKey(command.username()), ErrorCode.NOT_FOUND, "not a member of this body");
		apply(new MemberRemoved(this.bodyId, command.username()));
	}

	@CommandHandler
	public void handle(ChangeVotingRulesCommand command) {
		check(command.quorumPercent() >= 0 && command.quorumPercent() < 100, ErrorCode.INVALID_INPUT,
				"the quorum is a share from 0 to 99 percent of the eligible members");
		Duration duration = command.circularDuration();
		check(duration != null && !duration.isNegative() && duration.compareTo(Duration.ofDays(1)) >= 0
				&& duration.compareTo(Duration.ofDays(90)) <= 0, ErrorCode.INVALID_INPUT,
				"a circular procedure lasts from 1 to 90 days");
		apply(new VotingRulesChanged(this.bodyId,
				new VotingRules(this.rules.version() + 1, command.quorumPercent(), duration)));
	}

	/** Who votes and by which rules, as the body stands now. */
	public Roster roster() {
		return new Roster(this.bodyId, this.members.values().stream().filter(Member::voting).toList(), this.rules);
	}

	@EventSourcingHandler
	void on(DecisionBodyEstablished event) {
		this.bodyId = event.bodyId();
		this.partnershipId = event.partnershipId();
		this.rules = event.rules();
		this.members = new LinkedHashMap<>();
	}

	@EventSourcingHandler
	void on(MemberAdded event) {
		this.members.put(event.member().username(), event.member());
	}

	@EventSourcingHandler
	void on(MemberRemoved event) {
		this.members.remove(event.username());
	}

	@EventSourcingHandler
	void on(VotingRulesChanged event) {
		this.rules = event.rules();
	}

}
