package de.pfd.grants.shared.voting;

import java.time.Instant;

/**
 * The ballots of every partnership still to be cast in an open circular vote that closes
 * between {@code from} and {@code until}: one per eligible member of the vote who has
 * neither voted nor recused and still votes in the body; answered with a list of
 * {@link BallotToRemind}. Asked by the system's reminders only, never for a user.
 */
public record FindBallotsToRemindQuery(Instant from, Instant until) {
}
