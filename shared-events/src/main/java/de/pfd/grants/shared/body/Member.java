package de.pfd.grants.shared.body;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * A member of a decision body: an account, the organisation(s) it represents, voting or
 * advisory. {@code organisationIds} are what counts for conflicts of interest;
 * {@code organisation} is their name as shown (members added before organisations had ids
 * carry only the name: their list is empty).
 */
public record Member(@DataSubject(DataSubject.ACCOUNT) String username, @PersonalData String name, String organisation,
		boolean voting, List<OrganisationId> organisationIds) {

	@JsonCreator
	public Member {
		organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
	}

	/** A member who represents no organisation known by id. */
	public Member(String username, String name, String organisation, boolean voting) {
		this(username, name, organisation, voting, List.of());
	}

}
