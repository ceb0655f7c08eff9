package de.buergerservice.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.buergerservice.staff.Grant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts with their password hashes and grants.
 */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Account(String username, String displayName, String passwordHash, boolean enabled, Set<Grant> grants) {
	}

	Optional<Account> find(String username) {
		return jdbc.sql("SELECT username, display_name, password_hash, enabled FROM staff.account WHERE username = ?")
			.param(username)
			.query((rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					Set.copyOf(grants(rs.getString(1)))))
			.optional();
	}

	private List<Grant> grants(String username) {
		return jdbc.sql("SELECT authority FROM staff.account_grant WHERE username = ? ORDER BY authority")
			.param(username)
			.query(String.class)
			.list()
			.stream()
			.flatMap(authority -> Grant.parse(authority).stream())
			.toList();
	}

	@Transactional
	void save(String username, String displayName, String passwordHash, Set<Grant> grants, Instant now) {
		jdbc.sql("""
				INSERT INTO staff.account (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name,
				  password_hash = EXCLUDED.password_hash""")
			.params(username, displayName, passwordHash, Timestamp.from(now))
			.update();
		jdbc.sql("DELETE FROM staff.account_grant WHERE username = ?").param(username).update();
		for (Grant grant : grants) {
			jdbc.sql("INSERT INTO staff.account_grant (username, authority) VALUES (?, ?)")
				.params(username, grant.authority())
				.update();
		}
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM staff.account)").query(Boolean.class).single();
	}

}
