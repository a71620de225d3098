package de.pfd.grants.query.readmodel;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.pfd.grants.shared.money.Money;

/** How the read tables store instants and money, for every projection and query. */
public final class Columns {

	private Columns() {
	}

	/** Instants are stored in UTC. */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An amount that may be missing (null). */
	public static Money money(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : Money.of(value);
	}

	/** A sum, where nothing counts as zero. */
	public static Money sum(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return Money.of(value == null ? BigDecimal.ZERO : value);
	}

}
