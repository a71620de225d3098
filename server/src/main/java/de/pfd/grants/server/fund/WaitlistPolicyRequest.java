package de.pfd.grants.server.fund;

import de.pfd.grants.shared.fund.WaitlistPolicy;
import jakarta.validation.constraints.NotNull;

/** How the fund serves its waiting list from now on: STRICT_ORDER or FIRST_THAT_FITS. */
public record WaitlistPolicyRequest(@NotNull WaitlistPolicy policy) {
}
