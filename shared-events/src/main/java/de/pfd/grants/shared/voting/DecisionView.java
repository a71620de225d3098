package de.pfd.grants.shared.voting;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

public record DecisionView(ApplicationId applicationId, FundId fundId, String title, String organisation,
		DecisionOutcome outcome, ApplicationDecided.DecidedBy decidedBy, Money approvedAmount, String conditions,
		String note, Tally tally, int version, int ruleVersion, Instant decidedAt, Boolean startsBeforeApproval,
		Boolean earlyStartApproved) {
}
