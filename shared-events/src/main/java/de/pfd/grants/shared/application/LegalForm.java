package de.pfd.grants.shared.application;

public enum LegalForm {

	/** eingetragener Verein (e.V.) */
	REGISTERED_ASSOCIATION,
	/** gemeinnützige GmbH / UG */
	NON_PROFIT_COMPANY, PUBLIC_INSTITUTION,
	/** not registered, e.g. a citizens' initiative */
	INITIATIVE, INFORMAL_YOUTH_GROUP, PRIVATE_PERSON

}
