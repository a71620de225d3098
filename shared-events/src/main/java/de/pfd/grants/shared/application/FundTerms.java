package de.pfd.grants.shared.application;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;

/**
 * The fund's terms an application is checked against, looked up by the server (never
 * taken from the client) and passed with the command, because one aggregate cannot read
 * another.
 */
public record FundTerms(FundId fundId, FundType type, int year, Money perProjectCap, boolean open) {
}
