package de.buergerservice.staff.internal;

import java.util.ArrayList;
import java.util.List;

import de.buergerservice.staff.Grant;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Local accounts for Spring Security's form login: every member of staff is
 * {@code ROLE_STAFF}, and each grant is one authority.
 */
@Component
class StaffAccounts implements UserDetailsService {

	static final String STAFF = "ROLE_STAFF";

	private final Accounts accounts;

	StaffAccounts(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Accounts.Account account = accounts.find(username.strip().toLowerCase(java.util.Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(STAFF));
		account.grants().stream().map(Grant::authority).map(SimpleGrantedAuthority::new).forEach(authorities::add);
		return new StaffUser(account.username(), account.passwordHash(), account.enabled(), authorities,
				account.displayName());
	}

	/** A Spring Security user that also knows the name to greet. */
	static final class StaffUser extends User {

		private final String displayName;

		StaffUser(String username, String password, boolean enabled, List<GrantedAuthority> authorities,
				String displayName) {
			super(username, password, enabled, true, true, true, authorities);
			this.displayName = displayName;
		}

		String displayName() {
			return displayName;
		}

	}

}
