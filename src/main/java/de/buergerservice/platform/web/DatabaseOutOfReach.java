package de.buergerservice.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database is out of reach — down, restarting, or its
 * connection lost in the middle of a request — rather than a fault of the application: as
 * a PostgreSQL crash showed, it surfaces in many wrappings (a failed rollback, the rate
 * limits' bucket, Spring's resource failure), so the whole chain of causes is looked at.
 */
final class DatabaseOutOfReach {

	private DatabaseOutOfReach() {
	}

	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
			// a rollback that failed after the statement that failed first
			if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
					&& causedBy(transaction.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * HikariCP's answer to the use of a connection it has already closed — after the
	 * driver reported the connection broken — is a plain {@code SQLException} without a
	 * state ({@code ProxyConnection}'s closed-connection proxy, HikariCP 7).
	 */
	private static boolean closedByPool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	/**
	 * SQL states of a connection that failed (class 08, e.g. Hikari's "Connection is
	 * closed", 08003) or of a server going away (57P01–57P03: shut down, crash shut down,
	 * cannot connect now).
	 */
	private static boolean connectionLost(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P0"));
	}

}
