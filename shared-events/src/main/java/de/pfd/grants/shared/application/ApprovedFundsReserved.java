package de.pfd.grants.shared.application;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.money.Money;

@Revision("1")
public record ApprovedFundsReserved(ApplicationId applicationId, Money amount) {
}
