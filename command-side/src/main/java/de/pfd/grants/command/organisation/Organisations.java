package de.pfd.grants.command.organisation;

import java.util.Optional;

import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The organisations as their aggregates know them, read within the unit of work of the
 * command that needs them (never from a projection).
 */
public interface Organisations {

	/** An organisation: its partnership, and the one it was merged into (or null). */
	record Known(OrganisationId id, PartnershipId partnershipId, OrganisationId mergedInto) {
	}

	/** The organisation, if it exists. */
	Optional<Known> find(OrganisationId id);

	/**
	 * The organisation this id stands for now: itself, or the one it was merged into
	 * (following merges of merges); an unknown id stands for itself.
	 */
	default OrganisationId resolve(OrganisationId id) {
		OrganisationId current = id;
		for (int hops = 0; current != null && hops < 100; hops++) {
			Optional<Known> known = find(current);
			if (known.isEmpty() || known.get().mergedInto() == null) {
				return current;
			}
			current = known.get().mergedInto();
		}
		return current;
	}

}
