package de.pfd.grants.shared.grant;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/** Verwendungsnachweis: narrative report and financial statement. */
public record SubmitProofOfUseCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy,
		String report, List<Receipt> receipts) {
}
