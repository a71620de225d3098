package de.pfd.grants.shared.application;

import java.time.LocalDate;

/**
 * Approved grants of every partnership whose proof of use is not in and falls due between
 * {@code from} and {@code until} (both included), not yet overdue; answered with a list
 * of {@link ApplicantNotice} carrying the due day. Asked by the system's reminders.
 */
public record FindProofsOfUseDueQuery(LocalDate from, LocalDate until) {
}
