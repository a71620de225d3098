package de.pfd.grants.shared.body;

public enum DecisionBodyType {

	/** Begleitausschuss / Begleitgremium. */
	STEERING_BOARD,

	/** Jugendforum. */
	YOUTH_FORUM

}
