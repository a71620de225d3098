package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Staff record money paid out against the open requests. With four eyes (the
 * partnership's default) this certifies the payout ({@link PayoutCertified}) and another
 * staff member releases it; without, the fund books it at once. The money must be spent
 * within the fund's weeks from the payment. {@code recordedBy}: the staff member who
 * certifies (null only from callers that predate four eyes: such a payout can be released
 * by anyone).
 */
public record RecordPayoutCommand(@TargetAggregateIdentifier ApplicationId applicationId, String payoutId, Money amount,
		LocalDate paidOn, String reference, String recordedBy) {

	@JsonCreator
	public RecordPayoutCommand {
	}

	public RecordPayoutCommand(ApplicationId applicationId, String payoutId, Money amount, LocalDate paidOn,
			String reference) {
		this(applicationId, payoutId, amount, paidOn, reference, null);
	}

}
