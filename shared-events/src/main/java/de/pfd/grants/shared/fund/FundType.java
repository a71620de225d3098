package de.pfd.grants.shared.fund;

import de.pfd.grants.shared.body.DecisionBodyType;

/**
 * The two funds a partnership runs each year; the type fixes the body that decides it.
 */
public enum FundType {

	/** Aktions- und Initiativfonds, decided by the steering board. */
	ACTION_FUND(DecisionBodyType.STEERING_BOARD),

	/** Jugendfonds, decided by the youth forum on its own. */
	YOUTH_FUND(DecisionBodyType.YOUTH_FORUM);

	private final DecisionBodyType decisionBody;

	FundType(DecisionBodyType decisionBody) {
		this.decisionBody = decisionBody;
	}

	public DecisionBodyType decisionBody() {
		return this.decisionBody;
	}

}
