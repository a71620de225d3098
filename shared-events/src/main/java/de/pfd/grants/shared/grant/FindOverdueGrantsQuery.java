package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Grants needing a reminder on {@code today}; answered with a list of
 * {@link OverdueGrant}.
 */
public record FindOverdueGrantsQuery(PartnershipId partnershipId, LocalDate today) {
}
