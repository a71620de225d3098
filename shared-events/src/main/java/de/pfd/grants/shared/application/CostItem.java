package de.pfd.grants.shared.application;

import de.pfd.grants.shared.money.Money;

public record CostItem(CostCategory category, String description, Money amount) {
}
