package de.pfd.grants.shared.application;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the closure process (as the system): ends an application that still waits when
 * its fund is closed with {@link ApplicationStatus#NOT_FUNDED}. Does nothing while the
 * fund is open or when the application does not wait (a draft, a decided one).
 */
public record EndAtFundClosureCommand(@TargetAggregateIdentifier ApplicationId applicationId) {
}
