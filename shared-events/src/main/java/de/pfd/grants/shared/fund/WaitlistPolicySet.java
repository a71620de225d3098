package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund's waiting-list policy from now on, as its {@code version}-th setting (version
 * 0 is the default {@link WaitlistPolicy#STRICT_ORDER} every fund opens with).
 */
@Revision("1")
public record WaitlistPolicySet(FundId fundId, WaitlistPolicy policy, int version) {
}
