package de.pfd.grants.shared.voting;

public enum VoteChoice {

	YES, NO, ABSTAIN

}
