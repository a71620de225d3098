package de.pfd.grants.shared.fund;

import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.money.Money;

/**
 * The money of a fund's applications in one action field, from the fund's own movements:
 * {@code approvals} applications had money reserved, {@code approved} in all (every
 * reservation, before releases), of which {@code reserved} is still bound and
 * {@code paid} paid out. Summed over the action fields, {@code reserved} and {@code paid}
 * are the fund's figures.
 */
public record ActionFieldFigures(ActionField actionField, int approvals, Money approved, Money reserved, Money paid) {
}
