package de.pfd.grants.shared.fund;

import java.time.LocalDate;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A fund's money by action field (Handlungsfeld) of its applications, now or at the end
 * of a day by value date ({@code asOfDate}, as {@link FindFundQuery} counts it); answered
 * with a list of {@link ActionFieldFigures}, one per action field of the programme, in
 * the order of {@code ActionField}. Scoped to a partnership: another's fund answers with
 * an empty list.
 */
public record FindFundByActionFieldQuery(FundId fundId, PartnershipId partnershipId, LocalDate asOfDate) {
}
