package de.pfd.grants.command.organisation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * {@link Organisations} for aggregate tests: the organisations it was told of, in their
 * partnership, merged or not; any other id is unknown.
 */
public class KnownOrganisations implements Organisations {

	public static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

	/** The applicant of the standard application, "Demokratie leben e.V.". */
	public static final OrganisationId APPLICANT = new OrganisationId("org-demokratie-leben");

	private final Map<OrganisationId, Known> known = new LinkedHashMap<>();

	/** Knows the standard applicant's organisation in Kreis Mettmann. */
	public static KnownOrganisations standard() {
		return new KnownOrganisations().with(APPLICANT);
	}

	/** An organisation of Kreis Mettmann. */
	public KnownOrganisations with(OrganisationId id) {
		return with(id, PARTNERSHIP);
	}

	public KnownOrganisations with(OrganisationId id, PartnershipId partnership) {
		this.known.put(id, new Known(id, partnership, null));
		return this;
	}

	/** The duplicate was merged into the survivor (both of Kreis Mettmann). */
	public KnownOrganisations merged(OrganisationId duplicate, OrganisationId survivor) {
		this.known.put(duplicate, new Known(duplicate, PARTNERSHIP, survivor));
		this.known.putIfAbsent(survivor, new Known(survivor, PARTNERSHIP, null));
		return this;
	}

	@Override
	public Optional<Known> find(OrganisationId id) {
		return Optional.ofNullable(this.known.get(id));
	}

}
