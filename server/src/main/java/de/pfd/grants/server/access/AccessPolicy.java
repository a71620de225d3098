package de.pfd.grants.server.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.organisation.FindOrganisationQuery;
import de.pfd.grants.shared.organisation.FindOrganisationsQuery;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.voting.FindAgendaQuery;
import de.pfd.grants.shared.voting.FindDecisionsQuery;

/**
 * Who may see and do what: the one access policy for every adapter (REST today, the web
 * pages next). Everything is scoped to the user's partnership; staff and auditors see all
 * of it, applicants their own applications, members what came before their own body. What
 * a user may not see does not exist for them (404); the role checks of each operation
 * stay on the adapters' methods.
 */
@Component
public class AccessPolicy {

	private static final int MAX_ID = 100;

	private final QueryGateway queries;

	AccessPolicy(QueryGateway queries) {
		this.queries = queries;
	}

	/** Whether this user may read this application (of the user's partnership). */
	public boolean maySee(GrantsUser user, ApplicationDetail application) {
		return switch (user.role()) {
			case STAFF, AUDITOR -> true;
			case APPLICANT -> application.owner().equals(user.username());
			case MEMBER ->
				bodyOf(user).filter(body -> body == application.decisionBody()).isPresent() && application.history()
					.stream()
					.anyMatch(change -> change.status() == ApplicationStatus.READY_FOR_DECISION);
		};
	}

	/**
	 * The body this member belongs to now: rights follow the membership events (a removed
	 * member loses them at once), not a column of the account.
	 */
	public Optional<DecisionBodyType> bodyOf(GrantsUser user) {
		if (user.role() != Role.MEMBER) {
			return Optional.empty();
		}
		return bodies(user).stream()
			.filter(body -> body.members().stream().anyMatch(member -> member.username().equals(user.username())))
			.map(DecisionBodyView::type)
			.findFirst();
	}

	/**
	 * The application if this user may see it; otherwise 404, so ids of others do not
	 * leak.
	 */
	public ApplicationDetail application(GrantsUser user, String id) {
		return inPartnership(user, id).filter(application -> maySee(user, application))
			.orElseThrow(() -> ApiException.notFound("Antrag / application"));
	}

	/**
	 * The application whose personal data this user may erase: staff of its partnership;
	 * everybody else is refused (403) whatever the id, unknown ids are 404.
	 */
	public ApplicationDetail erasableApplication(GrantsUser user, String id) {
		privacyOffice(user);
		return application(user, id);
	}

	/**
	 * The partnership whose personal data this user may erase and export for others (Art.
	 * 15-17 GDPR): staff their own; everybody else nothing (403), auditors too.
	 */
	public PartnershipId privacyOffice(GrantsUser user) {
		if (user.role() != Role.STAFF) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Nur Mitarbeitende löschen und exportieren personenbezogene Daten / staff only");
		}
		return user.partnershipId();
	}

	/**
	 * The application whose documents (offers, receipts, photos, the signed notice) this
	 * user may see: its applicant, staff and auditors; to everybody else, members of the
	 * deciding body too, they do not exist (404).
	 */
	public ApplicationDetail documentsOf(GrantsUser user, String id) {
		ApplicationDetail application = application(user, id);
		if (user.role() == Role.MEMBER) {
			throw ApiException.notFound("Antrag / application");
		}
		return application;
	}

	/**
	 * The applications this user may list (a fund id that cannot be one filters nothing);
	 * empty for a member of no body.
	 */
	public Optional<FindApplicationsQuery> applications(GrantsUser user, String fundId, ApplicationStatus status) {
		FundId fund = isId(fundId) ? new FundId(fundId) : null;
		if (user.role() == Role.MEMBER) {
			return bodyOf(user).map(body -> new FindApplicationsQuery(user.partnershipId(), null, body, fund, status));
		}
		return Optional.of(new FindApplicationsQuery(user.partnershipId(),
				user.role() == Role.APPLICANT ? user.username() : null, null, fund, status));
	}

	/**
	 * The decisions this user may list: members those of their own body; the steering
	 * board is also informed of the youth forum's decisions.
	 */
	public Optional<FindDecisionsQuery> decisions(GrantsUser user, FundId fund) {
		if (user.role() == Role.MEMBER) {
			return bodyOf(user).map(body -> new FindDecisionsQuery(user.partnershipId(), fund,
					body == DecisionBodyType.STEERING_BOARD ? null : body));
		}
		return Optional.of(new FindDecisionsQuery(user.partnershipId(), fund, null));
	}

	/** A member's agenda: the open votes of the member's own body. */
	public Optional<FindAgendaQuery> agenda(GrantsUser user) {
		if (user.role() == Role.MEMBER) {
			return bodyOf(user).map(body -> new FindAgendaQuery(user.partnershipId(), body, user.username()));
		}
		return Optional.of(new FindAgendaQuery(user.partnershipId(), null, user.username()));
	}

	/** The fund, or 404 if it is unknown or belongs to another partnership. */
	public FundBudget fund(GrantsUser user, String fundId, Instant asOf) {
		return fund(user, fundId, asOf, null);
	}

	/**
	 * The fund as of an instant of entry or the end of a day by value date (or now), or
	 * 404 if it is unknown or belongs to another partnership.
	 */
	public FundBudget fund(GrantsUser user, String fundId, Instant asOf, LocalDate asOfDate) {
		if (!isId(fundId)) {
			throw ApiException.notFound("Fonds / fund");
		}
		return this.queries
			.query(new FindFundQuery(new FundId(fundId), user.partnershipId(), asOf, asOfDate),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join()
			.orElseThrow(() -> ApiException.notFound("Fonds / fund"));
	}

	/** Staff act for their own partnership only; another's id is not revealed (404). */
	public PartnershipId ownPartnership(GrantsUser user, String requested) {
		if (requested != null && !requested.equals(user.partnershipId().value())) {
			throw ApiException.notFound("Partnerschaft / partnership");
		}
		return user.partnershipId();
	}

	/** The bodies of the user's partnership. */
	public List<DecisionBodyView> bodies(GrantsUser user) {
		return this.queries
			.query(new FindDecisionBodiesQuery(user.partnershipId()),
					ResponseTypes.multipleInstancesOf(DecisionBodyView.class))
			.join();
	}

	/** A body of the user's partnership, or 404. */
	public DecisionBodyView body(GrantsUser user, String bodyId) {
		return bodies(user).stream()
			.filter(body -> body.id().value().equals(bodyId))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Gremium / decision body"));
	}

	/**
	 * The organisations this user may see: staff and auditors all of the partnership,
	 * everybody else those their account belongs to (membership events, as projected).
	 */
	public List<OrganisationView> organisations(GrantsUser user) {
		if (!readsWholePartnership(user)) {
			return organisationsOf(user);
		}
		return this.queries
			.query(new FindOrganisationsQuery(user.partnershipId(), null),
					ResponseTypes.multipleInstancesOf(OrganisationView.class))
			.join();
	}

	/** The (surviving) organisations this account belongs to, whatever its role. */
	public List<OrganisationView> organisationsOf(GrantsUser account) {
		return this.queries
			.query(new FindOrganisationsQuery(account.partnershipId(), account.username()),
					ResponseTypes.multipleInstancesOf(OrganisationView.class))
			.join();
	}

	/**
	 * One organisation (also a merged duplicate, which names its survivor) if this user
	 * may see it; otherwise 404.
	 */
	public OrganisationView organisation(GrantsUser user, String id) {
		return findOrganisation(user, id)
			.filter(organisation -> readsWholePartnership(user) || organisation.members().contains(user.username()))
			.orElseThrow(() -> ApiException.notFound("Organisation / organisation"));
	}

	/**
	 * The organisation an id stands for now (a merged duplicate: its survivor) if this
	 * user may see the id; otherwise 404.
	 */
	public OrganisationView survivingOrganisation(GrantsUser user, String id) {
		OrganisationView named = organisation(user, id);
		return named.mergedInto() == null ? named : organisation(user, named.mergedInto().value());
	}

	/** Staff and auditors read all of their partnership. */
	private static boolean readsWholePartnership(GrantsUser user) {
		return user.role() == Role.STAFF || user.role() == Role.AUDITOR;
	}

	/**
	 * The organisation an applicant's application is filed for: the one named (a merged
	 * duplicate stands for its survivor) if the applicant belongs to it; none named, the
	 * applicant's only organisation. Several and none named, or one the applicant does
	 * not belong to (not revealed as existing), is bad input naming
	 * {@code organisationId}. Empty: the applicant belongs to none yet.
	 */
	public Optional<OrganisationView> applyingOrganisation(GrantsUser user, String organisationId) {
		List<OrganisationView> own = organisationsOf(user);
		if (organisationId == null || organisationId.isBlank()) {
			if (own.size() > 1) {
				throw ApiException.badInput("organisationId",
						"Sie gehören zu mehreren Organisationen; bitte organisationId angeben / you belong to several "
								+ "organisations: name one with organisationId");
			}
			return own.stream().findFirst();
		}
		OrganisationId survivor = findOrganisation(user, organisationId).map(OrganisationView::survivor).orElse(null);
		return Optional.of(own.stream()
			.filter(organisation -> organisation.id().equals(survivor))
			.findFirst()
			.orElseThrow(() -> ApiException.badInput("organisationId",
					"Keine Ihrer Organisationen / not one of your organisations")));
	}

	private Optional<OrganisationView> findOrganisation(GrantsUser user, String id) {
		if (!isId(id)) {
			return Optional.empty();
		}
		return this.queries
			.query(new FindOrganisationQuery(new OrganisationId(id), user.partnershipId()),
					ResponseTypes.optionalInstanceOf(OrganisationView.class))
			.join();
	}

	private Optional<ApplicationDetail> inPartnership(GrantsUser user, String id) {
		if (!isId(id)) {
			return Optional.empty();
		}
		return this.queries
			.query(new FindApplicationQuery(new ApplicationId(id), user.partnershipId()),
					ResponseTypes.optionalInstanceOf(ApplicationDetail.class))
			.join();
	}

	private static boolean isId(String id) {
		return id != null && !id.isBlank() && id.length() <= MAX_ID;
	}

	/**
	 * Which decisions this user sees for information only: a member sees those of another
	 * body's funds that way (the steering board is informed of the youth forum's
	 * decisions, see {@link #decisions}; it does not vote on them); staff and auditors
	 * none. The member's body is looked up once for the whole list.
	 */
	public Predicate<DecisionBodyType> informedOnly(GrantsUser user) {
		Optional<DecisionBodyType> own = bodyOf(user);
		return decidingBody -> own.filter(body -> body != decidingBody).isPresent();
	}

	/**
	 * The partnership whose audit trail and decision provenance this user may read: staff
	 * and auditors their own; everybody else nothing (403, the pages' URL rule says the
	 * same).
	 */
	public PartnershipId auditedPartnership(GrantsUser user) {
		if (!readsWholePartnership(user)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Nur Mitarbeitende und Prüfende / staff and auditors only");
		}
		return user.partnershipId();
	}

}
