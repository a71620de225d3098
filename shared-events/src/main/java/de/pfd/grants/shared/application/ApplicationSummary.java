package de.pfd.grants.shared.application;

import java.time.Instant;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

public record ApplicationSummary(ApplicationId id, FundId fundId, String organisation, String title,
		ApplicationStatus status, Money requestedAmount, Instant submittedAt, long daysInStatus, int version) {
}
