package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/** The fund could not cover an approval: it waits in line (position 1 = next). */
@Revision("1")
public record ReservationWaitlisted(FundId fundId, ApplicationId applicationId, Money amount, int position) {
}
