package de.pfd.grants.shared.fund;

public enum DecisionBodyType {

	/** Begleitausschuss / Begleitgremium. */
	STEERING_BOARD,

	/** Jugendforum. */
	YOUTH_FORUM

}
