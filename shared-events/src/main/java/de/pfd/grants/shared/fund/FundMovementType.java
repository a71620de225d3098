package de.pfd.grants.shared.fund;

public enum FundMovementType {

	OPENING_BUDGET, BUDGET_ADJUSTMENT, RESERVATION, RELEASE, PAYOUT, REFUND, LAPSE

}
