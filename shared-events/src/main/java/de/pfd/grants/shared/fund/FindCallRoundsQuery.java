package de.pfd.grants.shared.fund;

/**
 * The call rounds of a fund in their order; answered with a list of {@link CallRound}.
 */
public record FindCallRoundsQuery(FundId fundId) {
}
