package de.pfd.grants.server.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/** The signed-in account. Its partnership scopes every query and command. */
public record GrantsUser(String username, String passwordHash, Role role, PartnershipId partnershipId,
		DecisionBodyType decisionBody, String displayName, String organisation,
		boolean enabled) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
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
