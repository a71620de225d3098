package de.pfd.grants.shared.fund;

import java.time.Instant;

/** One version of a fund's waiting-list policy: since when and by whom. */
public record WaitlistPolicySetting(int version, WaitlistPolicy policy, Instant since, String by) {
}
