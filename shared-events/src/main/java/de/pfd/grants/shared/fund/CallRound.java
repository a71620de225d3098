package de.pfd.grants.shared.fund;

import java.time.LocalDate;

/**
 * A call round (Förderrunde) of a fund: applications submitted up to its
 * {@code submissionDeadline} (a day in the partnership's calendar, inclusive) and after
 * the previous round's belong to it; approvals of rounds 1..n never exceed
 * {@code budgetSharePercent} of rounds 1..n of the budget (what a round leaves goes to
 * the next). Numbered from 1 in the order of their deadlines.
 */
public record CallRound(int number, String name, LocalDate submissionDeadline, int budgetSharePercent) {
}
