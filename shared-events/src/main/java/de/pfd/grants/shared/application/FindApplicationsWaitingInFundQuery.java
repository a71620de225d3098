package de.pfd.grants.shared.application;

import de.pfd.grants.shared.fund.FundId;

/**
 * The ids of a fund's applications that still wait for a check, a decision or money
 * ({@link ApplicationStatus#endsAtFundClosure()}). Answered with a list of
 * {@link ApplicationId}; used by the closure process, not by users.
 */
public record FindApplicationsWaitingInFundQuery(FundId fundId) {
}
