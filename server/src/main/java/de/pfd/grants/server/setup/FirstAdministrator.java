package de.pfd.grants.server.setup;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.pfd.grants.server.account.PartnershipEstablishment;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The one-time set-up of a real installation: the first partnership with its steering
 * board and youth forum (no members yet), and its first administrator, who is also the
 * platform administrator (registers further partnerships). Refused, changing nothing,
 * once any administrator exists.
 */
@Component
class FirstAdministrator {

	enum Outcome {

		CREATED, ADMINISTRATOR_EXISTS

	}

	private final AccountStore accounts;

	private final PartnershipEstablishment partnerships;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transaction;

	FirstAdministrator(AccountStore accounts, PartnershipEstablishment partnerships, PasswordEncoder encoder,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.partnerships = partnerships;
		this.encoder = encoder;
	}

	/**
	 * The partnership first (its events committed, so that its bodies can be read), then
	 * the account in one transaction.
	 */
	public Outcome create(PartnershipId partnership, String partnershipName, String email, String displayName,
			String password) {
		if (this.accounts.administratorExists()) {
			return Outcome.ADMINISTRATOR_EXISTS;
		}
		this.partnerships.establish(partnership, partnershipName);
		String hash = this.encoder.encode(password);
		this.transaction.executeWithoutResult(status -> {
			String username = this.accounts.create(partnership, Role.STAFF, email, displayName, hash, true);
			// the operator gave the address: it counts as confirmed
			this.accounts.confirmEmail(username, email);
			this.accounts.makePlatformAdministrator(username);
		});
		return Outcome.CREATED;
	}

}
