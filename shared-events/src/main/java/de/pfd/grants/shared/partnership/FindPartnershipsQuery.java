package de.pfd.grants.shared.partnership;

/**
 * The partnerships of the installation; answered with a list of {@link PartnershipView}.
 */
public record FindPartnershipsQuery() {
}
