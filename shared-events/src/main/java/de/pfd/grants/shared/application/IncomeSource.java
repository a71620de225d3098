package de.pfd.grants.shared.application;

public enum IncomeSource {

	OWN_FUNDS, THIRD_PARTY, PARTICIPANT_FEES, DONATIONS

}
