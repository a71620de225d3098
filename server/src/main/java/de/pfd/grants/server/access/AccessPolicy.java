package de.pfd.grants.server.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.application.FindApplicationsQuery;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
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
			case MEMBER -> application.decisionBody() == user.decisionBody() && application.history()
				.stream()
				.anyMatch(change -> change.status() == ApplicationStatus.READY_FOR_DECISION);
		};
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
	 * An application whose vote this member may take part in: only members of the fund's
	 * own body (403 otherwise); whether the member is eligible in this vote is the
	 * ballot's decision.
	 */
	public ApplicationDetail applicationToVoteOn(GrantsUser user, String id) {
		ApplicationDetail application = inPartnership(user, id)
			.orElseThrow(() -> ApiException.notFound("Antrag / application"));
		if (application.decisionBody() != user.decisionBody()) {
			throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_ELIGIBLE_TO_VOTE,
					"Nur Mitglieder des zuständigen Gremiums / only members of the deciding body", null);
		}
		return application;
	}

	/**
	 * The applications this user may list (a fund id that cannot be one filters nothing).
	 */
	public FindApplicationsQuery applications(GrantsUser user, String fundId, ApplicationStatus status) {
		FundId fund = isId(fundId) ? new FundId(fundId) : null;
		return new FindApplicationsQuery(user.partnershipId(), user.role() == Role.APPLICANT ? user.username() : null,
				user.role() == Role.MEMBER ? user.decisionBody() : null, fund, status);
	}

	/** The decisions this user may list: members those of their own body. */
	public FindDecisionsQuery decisions(GrantsUser user, FundId fund) {
		return new FindDecisionsQuery(user.partnershipId(), fund,
				user.role() == Role.MEMBER ? user.decisionBody() : null);
	}

	/** A member's agenda: the open votes of the member's own body. */
	public FindAgendaQuery agenda(GrantsUser user) {
		return new FindAgendaQuery(user.partnershipId(), user.decisionBody(), user.username());
	}

	/** The fund, or 404 if it is unknown or belongs to another partnership. */
	public FundBudget fund(GrantsUser user, String fundId, Instant asOf) {
		if (!isId(fundId)) {
			throw ApiException.notFound("Fonds / fund");
		}
		return this.queries
			.query(new FindFundQuery(new FundId(fundId), user.partnershipId(), asOf),
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

}
