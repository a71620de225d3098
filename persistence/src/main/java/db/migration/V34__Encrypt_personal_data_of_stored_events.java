package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import de.pfd.grants.persistence.privacy.LegacyEventEncryption;

/**
 * Encrypts the personal texts of the events stored before crypto-shredding in place (ADR
 * 0012), before the hash chain is built over the stored form (V35).
 */
public class V34__Encrypt_personal_data_of_stored_events extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		LegacyEventEncryption.encrypt(context.getConnection());
	}

}
