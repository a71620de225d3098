package de.pfd.grants.shared.application;

import de.pfd.grants.shared.money.Money;

/** Own or third-party money that co-finances the project. */
public record IncomeItem(IncomeSource source, String description, Money amount) {
}
