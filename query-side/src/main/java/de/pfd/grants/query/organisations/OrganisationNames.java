package de.pfd.grants.query.organisations;

/**
 * How the other read models show the organisation an application is filed for: the
 * surviving organisation (after a merge) with its name; for applications from before
 * organisations had ids, the name the applicant wrote. SQL for a query over
 * {@code application_view a}.
 */
public final class OrganisationNames {

	/** Joins {@code so}: the organisation the application stands for now. */
	public static final String JOIN = "\n LEFT JOIN organisation_view ao ON ao.organisation_id = a.organisation_id"
			+ "\n LEFT JOIN organisation_view so ON so.organisation_id = COALESCE(ao.merged_into, ao.organisation_id)\n";

	/** The columns {@code organisation_name} and {@code resolved_organisation_id}. */
	public static final String COLUMNS = "\n COALESCE(so.name, a.organisation) AS organisation_name,"
			+ "\n COALESCE(so.organisation_id, a.organisation_id) AS resolved_organisation_id\n";

	private OrganisationNames() {
	}

}
