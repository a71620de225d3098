package de.pfd.grants.shared.fund;

/**
 * The history of a fund's waiting-list policy, oldest first (version 0 is the default the
 * fund opened with). Answered with a list of {@link WaitlistPolicySetting}.
 */
public record FindWaitlistPolicyQuery(FundId fundId) {
}
