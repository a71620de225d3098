package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant confirms the grant notice and accepts its conditions; the proof of use is
 * then due the fund's weeks after the project's end.
 */
public record ConfirmGrantNoticeCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy) {
}
