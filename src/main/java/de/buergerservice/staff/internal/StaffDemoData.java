package de.buergerservice.staff.internal;

import java.time.Clock;
import java.util.Set;

import de.buergerservice.locations.LocationId;
import de.buergerservice.staff.Grant;
import de.buergerservice.staff.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's staff, one account per role (password {@value #PASSWORD}), loaded into
 * an empty database with the demo data. Never in production: the {@code prod} profile
 * turns demo data off.
 */
@Component
@Order(15)
@ConditionalOnBooleanProperty("buergerservice.demo-data.enabled")
class StaffDemoData implements ApplicationRunner {

	static final String PASSWORD = "demo-passwort";

	private static final Logger LOG = LoggerFactory.getLogger(StaffDemoData.class);

	private static final LocationId CENTRE = LocationId.of("buergerbuero-otto-schill-strasse");

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	StaffDemoData(Accounts accounts, PasswordEncoder passwords, JdbcClient jdbc, TransactionTemplate transaction,
			Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('staff-demo-data'))").query().singleRow();
			if (!accounts.isEmpty()) {
				return;
			}
			String hash = passwords.encode(PASSWORD);
			var now = clock.instant();
			accounts.save("schalter.zentrum", "Sabine Schalter", hash, Set.of(Grant.at(Role.COUNTER_STAFF, CENTRE)),
					now);
			accounts.save("leitung.zentrum", "Lars Leitung", hash, Set.of(Grant.at(Role.HEAD_OF_OFFICE, CENTRE)), now);
			accounts.save("buergerkoffer", "Bert Koffer", hash,
					Set.of(Grant.at(Role.COUNTER_STAFF, LocationId.of("buergerkoffer"))), now);
			accounts.save("telefon", "Tina Telefon", hash, Set.of(Grant.of(Role.PHONE_AGENT)), now);
			accounts.save("standesamt", "Stefan Standesamt", hash,
					Set.of(Grant.at(Role.REGISTRY_STAFF, LocationId.of("standesamt"))), now);
			accounts.save("admin", "Anna Admin", hash, Set.of(Grant.of(Role.ADMINISTRATOR)), now);
			LOG.info("Loaded the demo city's staff accounts (password: {})", PASSWORD);
		});
	}

}
