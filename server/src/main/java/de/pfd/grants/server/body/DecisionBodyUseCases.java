package de.pfd.grants.server.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.ChangeVotingRulesCommand;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.body.RemoveMemberCommand;
import de.pfd.grants.shared.organisation.OrganisationView;

/** The use cases of the steering board and the youth forum: members and voting rules. */
@Service
public class DecisionBodyUseCases {

	private final CommandGateway commands;

	private final ReadYourWrites reads;

	private final AccessPolicy access;

	private final AccountStore accounts;

	DecisionBodyUseCases(CommandGateway commands, ReadYourWrites reads, AccessPolicy access, AccountStore accounts) {
		this.commands = commands;
		this.reads = reads;
		this.access = access;
		this.accounts = accounts;
	}

	public List<DecisionBodyView> bodies(GrantsUser user) {
		return this.access.bodies(user);
	}

	/**
	 * A member is an account of the partnership; a vote counts for the quorum, so only
	 * the body's own member accounts may hold one (others join as advisory members).
	 */
	public DecisionBodyView addMember(GrantsUser user, String bodyId, String username, String organisation,
			List<String> organisationIds, Boolean voting) {
		DecisionBodyView body = this.access.body(user, bodyId);
		GrantsUser account;
		try {
			account = this.accounts.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			throw ApiException.badInput("username", "Unbekanntes Konto / unknown account");
		}
		if (!account.partnershipId().equals(user.partnershipId())) {
			throw ApiException.badInput("username", "Unbekanntes Konto / unknown account");
		}
		boolean votes = voting == null || voting;
		if (votes && account.role() != Role.MEMBER) {
			throw ApiException.badInput("voting",
					"Stimmrecht nur für Mitgliedskonten / only member accounts can vote; add others as advisory (voting:false)");
		}
		List<OrganisationView> organisations = represented(user, body, account, organisationIds);
		String represents = organisation != null && !organisation.isBlank() ? organisation.strip()
				: organisations.isEmpty() ? account.organisation()
						: String.join(", ", organisations.stream().map(OrganisationView::name).toList());
		return change(user, body, new AddMemberCommand(body.id(), new Member(account.username(), account.displayName(),
				represents, votes, organisations.stream().map(OrganisationView::id).toList())));
	}

	/**
	 * The organisations a member represents (conflicts of interest are found by their
	 * ids): those named (a merged duplicate stands for its survivor), otherwise those the
	 * member represents already, otherwise those the account belongs to.
	 */
	private List<OrganisationView> represented(GrantsUser user, DecisionBodyView body, GrantsUser account,
			List<String> organisationIds) {
		if (organisationIds != null) {
			List<OrganisationView> named = new ArrayList<>();
			for (String id : organisationIds) {
				OrganisationView resolved;
				try {
					resolved = this.access.survivingOrganisation(user, id);
				}
				catch (ApiException ex) {
					throw ApiException.badInput("organisationIds", "Unbekannte Organisation / unknown organisation");
				}
				if (named.stream().noneMatch(o -> o.id().equals(resolved.id()))) {
					named.add(resolved);
				}
			}
			return named;
		}
		List<OrganisationView> current = body.members()
			.stream()
			.filter(member -> member.username().equals(account.username()))
			.flatMap(member -> member.organisationIds().stream())
			.map(id -> this.access.survivingOrganisation(user, id.value()))
			.distinct()
			.toList();
		return current.isEmpty() ? this.access.organisationsOf(account) : current;
	}

	/**
	 * From now on the member no longer votes (also in votes already open: their quorum
	 * keeps the snapshot) nor sees the agenda or the body's applications.
	 */
	public DecisionBodyView removeMember(GrantsUser user, String bodyId, String username) {
		DecisionBodyView body = this.access.body(user, bodyId);
		if (body.members().stream().noneMatch(m -> m.username().equals(username))) {
			throw ApiException.notFound("Mitglied / member");
		}
		return change(user, body, new RemoveMemberCommand(body.id(), username));
	}

	/** Each change is a new rule version. */
	public DecisionBodyView changeRules(GrantsUser user, String bodyId, int quorumPercent, int circularDays) {
		DecisionBodyView body = this.access.body(user, bodyId);
		return change(user, body,
				new ChangeVotingRulesCommand(body.id(), quorumPercent, Duration.ofDays(circularDays)));
	}

	private DecisionBodyView change(GrantsUser user, DecisionBodyView body, Object command) {
		return this.reads.write(List.of(Watch.body(body.id(), user.partnershipId())),
				() -> this.commands.sendAndWait(command), () -> this.access.body(user, body.id().value()));
	}

}
