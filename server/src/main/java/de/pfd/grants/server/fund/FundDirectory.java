package de.pfd.grants.server.fund;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.FundTerms;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundStatus;

/** The funds a user may see: those of the user's own partnership. */
@Component
public class FundDirectory {

	private final QueryGateway queries;

	FundDirectory(QueryGateway queries) {
		this.queries = queries;
	}

	public Optional<FundBudget> find(GrantsUser user, String fundId, Instant asOf) {
		if (fundId == null || fundId.isBlank() || fundId.length() > 100) {
			return Optional.empty();
		}
		return this.queries
			.query(new FindFundQuery(new FundId(fundId), user.partnershipId(), asOf),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join();
	}

	/** The fund, or 404 if it is unknown or belongs to another partnership. */
	public FundBudget visible(GrantsUser user, String fundId, Instant asOf) {
		return find(user, fundId, asOf).orElseThrow(() -> ApiException.notFound("Fonds / fund"));
	}

	/**
	 * The terms an application is checked against, taken from the fund itself, never from
	 * the client.
	 */
	public static FundTerms terms(FundBudget fund) {
		return new FundTerms(fund.id(), fund.type(), fund.year(), fund.perProjectCap(),
				fund.status() == FundStatus.OPEN);
	}

}
