package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.money.Money;

/** The fund was closed at year end; {@code lapsed} is the unreserved rest that lapsed. */
@Revision("1")
public record FundClosed(FundId fundId, Money lapsed) {
}
