package de.pfd.grants.shared.voting;

import java.time.Instant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A decision as listed. {@code closedBy}, {@code closedByRole}: who closed the vote or
 * took the fast-track decision (the event's acting user; SYSTEM for a circular vote
 * closed at its deadline), null for decisions recorded before it was kept and not in the
 * audit trail.
 */
public record DecisionView(ApplicationId applicationId, FundId fundId, String title, String organisation,
		DecisionOutcome outcome, ApplicationDecided.DecidedBy decidedBy, Money approvedAmount, String conditions,
		String note, Tally tally, int version, int ruleVersion, Instant decidedAt, Boolean startsBeforeApproval,
		Boolean earlyStartApproved, String closedBy, String closedByRole) {
}
