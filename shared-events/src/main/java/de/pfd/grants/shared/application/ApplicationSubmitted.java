package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;

/** A version of the application handed in; versions count from 1. */
@Revision("1")
public record ApplicationSubmitted(ApplicationId applicationId, FundId fundId, int version,
		ApplicationContent content) {
}
