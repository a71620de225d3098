package de.pfd.grants.server.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The signed-in account. Its partnership scopes every query and command. The user name is
 * a stable id (it stays in the events); people sign in with it or with their e-mail
 * address. An administrator is a staff member who also manages the partnership's
 * accounts.
 */
public record GrantsUser(String username, String passwordHash, Role role, PartnershipId partnershipId,
		DecisionBodyType decisionBody, String displayName, String organisation, boolean enabled, String email,
		boolean administrator) implements UserDetails {

	/** The authority of an administrator, besides {@code ROLE_STAFF}. */
	public static final String ADMINISTRATOR = "ROLE_ADMINISTRATOR";

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (this.administrator && this.role == Role.STAFF) {
			return List.of(new SimpleGrantedAuthority(this.role.authority()),
					new SimpleGrantedAuthority(ADMINISTRATOR));
		}
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		// never the hash
		return "GrantsUser[" + this.username + ", " + this.role + ", " + this.partnershipId + "]";
	}

}
