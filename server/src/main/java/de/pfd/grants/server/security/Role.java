package de.pfd.grants.server.security;

public enum Role {

	/** Integration centre and coordinating office: run the process. */
	STAFF,

	/** Read-only staff: see everything, change nothing. */
	AUDITOR,

	/** Member of a decision body (steering board or youth forum). */
	MEMBER,

	/** Association, initiative, institution or citizen applying for money. */
	APPLICANT;

	public String authority() {
		return "ROLE_" + name();
	}

}
