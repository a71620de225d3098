package de.pfd.grants.server.application;

import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** RETURNED needs a note on what to revise, REJECTED a reason. */
public record FormalCheckRequest(@NotNull FormalCheckOutcome outcome, @MultiLine @Size(max = 4000) String note) {
}
