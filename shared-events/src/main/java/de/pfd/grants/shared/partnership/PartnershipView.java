package de.pfd.grants.shared.partnership;

/** A partnership of the installation. */
public record PartnershipView(PartnershipId id, String name) {
}
