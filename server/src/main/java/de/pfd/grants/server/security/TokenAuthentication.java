package de.pfd.grants.server.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in with a personal access token ({@code Authorization: Bearer}). */
public final class TokenAuthentication extends AbstractAuthenticationToken {

	private final GrantsUser account;

	private final String tokenId;

	TokenAuthentication(GrantsUser account, String tokenId) {
		super(account.getAuthorities());
		this.account = account;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public GrantsUser getPrincipal() {
		return this.account;
	}

	/** The id of the token, as {@code GET /api/account/tokens} lists it. */
	public String tokenId() {
		return this.tokenId;
	}

}
