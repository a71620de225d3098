package de.pfd.grants.shared.fund;

public enum FundStatus {

	OPEN, CLOSED

}
