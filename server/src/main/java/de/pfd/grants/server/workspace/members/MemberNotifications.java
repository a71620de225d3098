package de.pfd.grants.server.workspace.members;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.mail.Outbox;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.shared.application.ApplicantNotice;
import de.pfd.grants.shared.application.FindApplicantNoticeQuery;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.voting.MemberRecused;
import de.pfd.grants.shared.voting.VoteOpened;
import de.pfd.grants.shared.voting.VoteProcedure;

/**
 * Mails each member who votes in a circular vote when it opens: the project, the fund,
 * the deadline and the link to the vote's page. The voting members are the snapshot the
 * vote took; a member recused automatically at the opening (the member's organisation
 * applies) does not vote and is not mailed: the events the opening stored after the
 * {@link VoteOpened} say who. Members without a verified address are not mailed.
 * <p>
 * As {@code ApplicantNotifications}: a tracking processor of its own that starts at the
 * head of the event stream (the {@code eventsFromDeployment} source) and never replays,
 * the mail queued in the processor's transaction (each opening mailed once); an
 * application the read model does not show yet fails the event into the dead-letter
 * queue, from which it is mailed when retried.
 */
@Component
@ProcessingGroup(MemberNotifications.GROUP)
@DisallowReplay
class MemberNotifications {

	static final String GROUP = "member-notifications";

	private final QueryGateway queries;

	private final EventStore events;

	private final AccountStore accounts;

	private final Outbox outbox;

	private final String publicUrl;

	MemberNotifications(QueryGateway queries, EventStore events, AccountStore accounts, Outbox outbox,
			@Value("${grants.public-url}") String publicUrl) {
		this.queries = queries;
		this.events = events;
		this.accounts = accounts;
		this.outbox = outbox;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@EventHandler
	void on(VoteOpened event, @SequenceNumber long sequence) {
		if (event.procedure() != VoteProcedure.CIRCULAR) {
			return;
		}
		ApplicantNotice application = this.queries
			.query(new FindApplicantNoticeQuery(event.applicationId()),
					ResponseTypes.optionalInstanceOf(ApplicantNotice.class))
			.join()
			.orElseThrow(() -> new IllegalStateException("application " + event.applicationId().value()
					+ " is not in the read model yet; retry from the dead letters"));
		MemberMail mail = MemberMail.opened(new MemberMail.Vote(event.applicationId().value(), application.title(),
				application.fundType(), application.fundYear(), event.closesAt()), this.publicUrl);
		Set<String> recused = recusedAtOpening(event, sequence);
		for (Member member : event.eligible()) {
			if (recused.contains(member.username())) {
				continue;
			}
			Optional<String> address = this.accounts.emailOf(member.username());
			address.ifPresent(to -> this.outbox.queue(application.partnershipId(), to, mail.subject(), mail.body()));
		}
	}

	/**
	 * The members the opening recused automatically: its {@link MemberRecused} events
	 * stored right after the {@link VoteOpened}, in the same unit of work.
	 */
	private Set<String> recusedAtOpening(VoteOpened event, long sequence) {
		Set<String> recused = new HashSet<>();
		DomainEventStream stream = this.events.readEvents(event.applicationId().value(), sequence + 1);
		while (stream.hasNext()) {
			Object payload = stream.next().getPayload();
			if (payload instanceof MemberRecused recusal && recusal.automatic()) {
				recused.add(recusal.username());
			}
			else {
				break;
			}
		}
		return recused;
	}

}
