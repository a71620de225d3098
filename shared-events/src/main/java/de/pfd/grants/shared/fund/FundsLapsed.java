package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Money released after the year-end closure (a settlement below the approval, a
 * withdrawal, a cancellation) lapses at once: it follows the {@link FundsReleased} of the
 * same amount, so that every lapse is a movement of its own. ({@link FundsReleased}
 * events stored before this event existed carry the lapse in their {@code lapsed} field
 * instead.)
 */
@Revision("1")
public record FundsLapsed(FundId fundId, ApplicationId applicationId, Money amount, String reason) {

	/** The note of a lapse after the closure. */
	public static final String AFTER_CLOSURE = "Nach Jahresabschluss verfallen / lapsed after closure";

}
