package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.money.Money;

/**
 * One line of the financial statement (zahlenmäßiger Nachweis); income is entered as
 * negative.
 */
public record Receipt(LocalDate date, String description, CostCategory category, Money amount) {
}
