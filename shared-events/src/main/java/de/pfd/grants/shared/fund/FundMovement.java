package de.pfd.grants.shared.fund;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * One booking on a fund. {@code available} is the fund's available money after it (the
 * running balance).
 */
public record FundMovement(long sequence, Instant occurredAt, FundMovementType type, ApplicationId applicationId,
		Money amount, Money available, String note, String actor) {
}
