package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

/** The proof of use was not in by its due date (flagged by a persistent deadline). */
@Revision("1")
public record ProofOfUseOverdue(ApplicationId applicationId, LocalDate dueOn) {
}
