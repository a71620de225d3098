package de.pfd.grants.shared.grant;

import java.util.List;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * The proof of use with its totals: costs (positive lines), income (negative lines), and
 * the balance.
 */
@Revision("1")
public record ProofOfUseSubmitted(ApplicationId applicationId, String report, List<Receipt> receipts, Money totalCosts,
		Money totalIncome, Money balance) {
}
