package de.pfd.grants.shared.fund;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * An approval waiting for money: its place on the fund's list (1 = next), the
 * application, its title and organisation, the amount approved and since when it waits.
 */
public record WaitingListEntry(int position, ApplicationId applicationId, String title, String organisation,
		Money amount, Instant since) {
}
