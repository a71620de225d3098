package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import de.pfd.grants.persistence.chain.EventChainWriter;

/**
 * Chains and anchors the events stored before the chain existed (ADR 0011), in the
 * migration's transaction; the same routine chains a restored backup made before it.
 */
public class V35__chain_existing_events extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		EventChainWriter.chainUnchained(context.getConnection());
	}

}
