package de.pfd.grants.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database is gone (restarted, its connections killed, the
 * network cut, the pool waiting in vain for a connection) from every other failure: the
 * first is temporary and answered with 503 and {@code Retry-After}, never with 500.
 */
public final class DatabaseUnavailable {

	/**
	 * SQLState classes of PostgreSQL and H2 for a lost connection ({@code 08…}) and for a
	 * server that shuts down or terminated the session ({@code 57P01..57P03}).
	 */
	private static final String CONNECTION_EXCEPTION = "08";

	private static final String ADMIN_SHUTDOWN = "57P0";

	/**
	 * What the connection pool (HikariCP) says, without an SQLState, when a connection it
	 * had marked broken is used again, e.g. to roll back after the database went away.
	 */
	private static final String POOL_CONNECTION_CLOSED = "Connection is closed";

	private DatabaseUnavailable() {
	}

	public static boolean causedBy(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof ConnectException
					|| t instanceof DataAccessResourceFailureException
					|| t instanceof CannotCreateTransactionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
							|| sql.getSQLState().startsWith(ADMIN_SHUTDOWN))) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() == null
					&& POOL_CONNECTION_CLOSED.equals(sql.getMessage())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
