package de.pfd.grants.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Axon's default JDBC resolver only knows
 * {@link SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never
 * throws; it reports a unique-key violation as SQLState 23505.
 */
class DuplicateKeyResolver implements PersistenceExceptionResolver {

	static final String UNIQUE_VIOLATION = "23505";

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		for (Throwable t = exception; t != null; t = t.getCause()) {
			if (t instanceof SQLIntegrityConstraintViolationException) {
				return true;
			}
			if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
