package de.pfd.grants.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.audit.AuditEvent;
import de.pfd.grants.shared.audit.AuditEventPage;
import de.pfd.grants.shared.audit.FindAuditEventsQuery;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.DecisionView;
import de.pfd.grants.shared.voting.FindDecisionsQuery;

/**
 * The audit use cases, for staff and auditors of the partnership (the access policy
 * decides): the trail of every event, filtered and paged or whole for an export, the
 * decisions and where each comes from. The web pages call them, the REST API can.
 */
@Service
public class AuditUseCases {

	/** Lines per page of the trail. */
	public static final int PAGE_SIZE = 50;

	/** The most lines one export holds. */
	public static final int MAX_EXPORT = 100_000;

	private final QueryGateway queries;

	private final AccessPolicy access;

	private final ObjectMapper json;

	AuditUseCases(QueryGateway queries, AccessPolicy access, ObjectMapper json) {
		this.queries = queries;
		this.access = access;
		this.json = json;
	}

	/** One page (from 0) of the trail. */
	public AuditEventPage trail(GrantsUser user, AuditFilter filter, int page) {
		return trail(user, filter, page, PAGE_SIZE);
	}

	public AuditEventPage trail(GrantsUser user, AuditFilter filter, int page, int size) {
		return trail(user, filter, null, page, size);
	}

	/**
	 * One page of the trail after a position (a cursor: stable however many events are
	 * added meanwhile), or from the start for {@code after} null.
	 */
	public AuditEventPage trail(GrantsUser user, AuditFilter filter, Long after, int page, int size) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		return find(filter.query(partnership, after, Math.max(page, 0), size));
	}

	/**
	 * Every event the filter matches, oldest first, without a limit: read page by page by
	 * position (a cursor) while the caller writes them out, never all in memory. The
	 * access is checked at once; the events are read when {@link Trail#forEach} runs.
	 */
	public Trail whole(GrantsUser user, AuditFilter filter, Long from) {
		return whole(user, filter, from, FindAuditEventsQuery.MAX_SIZE);
	}

	/**
	 * The same, read {@code pageSize} events at a time; {@code from}: only events after
	 * that global position (a cursor), null for all.
	 */
	Trail whole(GrantsUser user, AuditFilter filter, Long from, int pageSize) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		FindAuditEventsQuery first = filter.query(partnership, null, 0, pageSize).withoutTotal();
		return action -> {
			Long after = from;
			List<AuditEvent> events;
			do {
				events = find(after == null ? first : first.after(after)).events();
				events.forEach(action);
				after = events.isEmpty() ? after : events.get(events.size() - 1).position();
			}
			while (events.size() == pageSize);
		};
	}

	/** The events of a trail, handed over one by one. */
	@FunctionalInterface
	public interface Trail {

		void forEach(Consumer<AuditEvent> action);

	}

	/** Every line the filter matches, oldest first (at most {@link #MAX_EXPORT}). */
	public List<AuditEvent> export(GrantsUser user, AuditFilter filter) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		List<AuditEvent> all = new ArrayList<>();
		int page = 0;
		AuditEventPage current;
		do {
			current = find(filter.query(partnership, null, page++, FindAuditEventsQuery.MAX_SIZE));
			all.addAll(current.events());
		}
		while (current.hasNext() && all.size() < MAX_EXPORT);
		return all.size() > MAX_EXPORT ? all.subList(0, MAX_EXPORT) : all;
	}

	/** The partnership's decisions, in the order they were taken. */
	public List<DecisionView> decisions(GrantsUser user) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		return this.queries
			.query(new FindDecisionsQuery(partnership, null, null),
					ResponseTypes.multipleInstancesOf(DecisionView.class))
			.join();
	}

	/**
	 * Where the decisions on an application come from; 404 for an application of another
	 * partnership.
	 */
	public DecisionProvenance provenance(GrantsUser user, String applicationId) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		ApplicationDetail application = this.access.application(user, applicationId);
		List<AuditEvent> events = new ArrayList<>();
		int page = 0;
		AuditEventPage current;
		do {
			current = find(new FindAuditEventsQuery(partnership, application.id().value(), null, null, null, null, null,
					page++, FindAuditEventsQuery.MAX_SIZE));
			events.addAll(current.events());
		}
		while (current.hasNext());
		return DecisionProvenance.of(application, events, this.json);
	}

	/**
	 * The event that set the voting rules a vote counted by: the latest change of the
	 * body's rules (or its establishment) before the vote opened; empty if the trail does
	 * not hold it.
	 */
	public Optional<AuditEvent> rulesInForce(GrantsUser user, DecisionBodyType body, AuditEvent opened) {
		PartnershipId partnership = this.access.auditedPartnership(user);
		return this.access.bodies(user)
			.stream()
			.filter(view -> view.type() == body)
			.findFirst()
			.flatMap(view -> find(new FindAuditEventsQuery(partnership, null, null, null,
					List.of("DecisionBodyEstablished", "VotingRulesChanged"), null, null, view.id().value(), null, 0,
					FindAuditEventsQuery.MAX_SIZE))
				.events()
				.stream()
				.filter(event -> event.position() < opened.position())
				.reduce((first, second) -> second));
	}

	private AuditEventPage find(FindAuditEventsQuery query) {
		return this.queries.query(query, ResponseTypes.instanceOf(AuditEventPage.class)).join();
	}

}
