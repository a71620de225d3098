package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Part of a reservation given back. {@code lapsed} is the part of it that lapses at once
 * because the fund is already closed (zero while the fund is open).
 */
@Revision("1")
public record FundsReleased(FundId fundId, ApplicationId applicationId, Money amount, Money lapsed, String reason) {
}
