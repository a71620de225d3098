package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead office issues the grant notice (Zuwendungsbescheid) once the money is
 * reserved.
 */
public record IssueGrantNoticeCommand(@TargetAggregateIdentifier ApplicationId applicationId, String reference) {
}
