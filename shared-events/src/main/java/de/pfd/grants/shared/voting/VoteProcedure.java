package de.pfd.grants.shared.voting;

public enum VoteProcedure {

	/** in a meeting; staff close the vote */
	MEETING,
	/** written circular procedure (Umlaufverfahren); closes by itself at its deadline */
	CIRCULAR

}
