package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * The fund could not cover an approval: it waits in line (position 1 = next).
 * {@code round}: the call round of the approval (null without rounds and in events stored
 * before rounds existed).
 */
@Revision("1")
public record ReservationWaitlisted(FundId fundId, ApplicationId applicationId, Money amount, int position,
		Integer round) {

	/** The canonical constructor is the one Jackson uses. */
	@JsonCreator
	public ReservationWaitlisted {
	}

	public ReservationWaitlisted(FundId fundId, ApplicationId applicationId, Money amount, int position) {
		this(fundId, applicationId, amount, position, null);
	}

}
