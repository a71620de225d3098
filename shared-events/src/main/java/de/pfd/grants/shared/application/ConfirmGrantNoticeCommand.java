package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The applicant confirms the grant notice and accepts its conditions. */
public record ConfirmGrantNoticeCommand(@TargetAggregateIdentifier ApplicationId applicationId, String requestedBy) {
}
