package de.pfd.grants.shared.fund;

import java.time.Instant;
import java.time.LocalDate;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * One booking on a fund. {@code available} is the fund's available money after it (the
 * running balance). {@code valueDate}: the day the money moved (a payout's
 * {@code paidOn}, a refund's {@code receivedOn}); for every other booking the day of its
 * entry in the partnership's calendar.
 */
public record FundMovement(long sequence, Instant occurredAt, FundMovementType type, ApplicationId applicationId,
		Money amount, Money available, String note, String actor, LocalDate valueDate) {

	/** A movement whose value date is the day of its entry. */
	public FundMovement(long sequence, Instant occurredAt, FundMovementType type, ApplicationId applicationId,
			Money amount, Money available, String note, String actor) {
		this(sequence, occurredAt, type, applicationId, amount, available, note, actor,
				occurredAt == null ? null : PartnershipCalendar.dayOf(occurredAt));
	}

}
