package de.pfd.grants.shared.privacy;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/** Erase the personal data of an application's grant file (staff, checked before). */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier ApplicationId applicationId, String reason,
		String requestedBy, Instant erasedAt) {
}
