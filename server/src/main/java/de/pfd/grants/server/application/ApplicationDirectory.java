package de.pfd.grants.server.application;

import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FindApplicationQuery;

/**
 * Looks applications up for a user: within the user's partnership, and only what the role
 * may see.
 */
@Component
public class ApplicationDirectory {

	private final QueryGateway queries;

	ApplicationDirectory(QueryGateway queries) {
		this.queries = queries;
	}

	/** Any application of the user's partnership, whatever the role. */
	public Optional<ApplicationDetail> inPartnership(GrantsUser user, String id) {
		if (id == null || id.isBlank() || id.length() > 100) {
			return Optional.empty();
		}
		return this.queries
			.query(new FindApplicationQuery(new ApplicationId(id), user.partnershipId()),
					ResponseTypes.optionalInstanceOf(ApplicationDetail.class))
			.join();
	}

	/**
	 * The application if this user may see it: staff and auditors all, applicants their
	 * own, members those that came before their body. Otherwise 404, so that ids of
	 * others do not leak.
	 */
	public ApplicationDetail visible(GrantsUser user, String id) {
		ApplicationDetail detail = inPartnership(user, id)
			.orElseThrow(() -> ApiException.notFound("Antrag / application"));
		boolean mayRead = switch (user.role()) {
			case STAFF, AUDITOR -> true;
			case APPLICANT -> detail.owner().equals(user.username());
			case MEMBER -> detail.decisionBody() == user.decisionBody() && detail.history()
				.stream()
				.anyMatch(change -> change.status() == ApplicationStatus.READY_FOR_DECISION);
		};
		if (!mayRead) {
			throw ApiException.notFound("Antrag / application");
		}
		return detail;
	}

}
