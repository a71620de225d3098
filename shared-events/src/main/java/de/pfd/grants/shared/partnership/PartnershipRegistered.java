package de.pfd.grants.shared.partnership;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PartnershipRegistered(PartnershipId partnershipId, String name) {
}
