package de.pfd.grants.shared.partnership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterPartnershipCommand(@TargetAggregateIdentifier PartnershipId partnershipId, String name) {
}
