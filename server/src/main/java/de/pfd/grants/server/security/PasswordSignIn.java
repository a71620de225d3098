package de.pfd.grants.server.security;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in with name and password, for the form and for HTTP Basic alike:
 * <ol>
 * <li>while the account or the client address is in back-off ({@link SignInThrottle}) the
 * sign-in is refused before anything else is looked at;</li>
 * <li>a name and password verified a few minutes ago ({@link VerifiedCredentials}) sign
 * in at once, without the password hash;</li>
 * <li>otherwise the password is checked against its hash, once for any number of parallel
 * requests with the same credentials. An unknown name costs a hash check too and is
 * answered like a wrong password: the answer and its time tell nobody whether an account
 * exists.</li>
 * </ol>
 */
public class PasswordSignIn implements AuthenticationProvider {

	static final String WRONG = "Benutzername oder Passwort falsch / wrong user name or password";

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final VerifiedCredentials verified;

	private final SignInThrottle throttle;

	/**
	 * What an unknown name's password is checked against: costs what a real check costs.
	 */
	private final String unknownAccountHash;

	private final ConcurrentHashMap<String, CompletableFuture<GrantsUser>> running = new ConcurrentHashMap<>();

	PasswordSignIn(AccountStore accounts, PasswordEncoder passwords, VerifiedCredentials verified,
			SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.verified = verified;
		this.throttle = throttle;
		this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		if (username == null || attempt.getCredentials() == null) {
			throw new BadCredentialsException(WRONG);
		}
		String password = attempt.getCredentials().toString();
		ClientAddress address = attempt.getDetails() instanceof ClientAddress from ? from
				: new ClientAddress("unknown");
		this.throttle.check(username, address);
		Optional<GrantsUser> known = this.verified.lookup(username, password);
		if (known.isPresent()) {
			this.throttle.succeeded(username, address);
			return signedIn(known.get(), attempt);
		}
		String key = username + '\u0000' + HexFormat.of().formatHex(this.verified.mac(username, password));
		CompletableFuture<GrantsUser> mine = new CompletableFuture<>();
		CompletableFuture<GrantsUser> other = this.running.putIfAbsent(key, mine);
		if (other != null) {
			// the same credentials are being checked right now: share that check's
			// outcome
			return signedIn(outcome(other), attempt);
		}
		try {
			GrantsUser account = check(username, password, address);
			mine.complete(account);
			return signedIn(account, attempt);
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running.remove(key, mine);
		}
	}

	private GrantsUser check(String username, String password, ClientAddress address) {
		this.throttle.begin(username, address);
		long changes = this.verified.changesSoFar();
		GrantsUser account;
		try {
			account = this.accounts.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			this.passwords.matches(password, this.unknownAccountHash);
			this.throttle.failed(username, address, null);
			throw new BadCredentialsException(WRONG);
		}
		catch (RuntimeException ex) {
			// the database is gone, most likely: not a failed sign-in
			this.throttle.abandoned(username, address);
			throw new InternalAuthenticationServiceException("the account could not be read", ex);
		}
		if (!this.passwords.matches(password, account.passwordHash())) {
			this.throttle.failed(username, address, account);
			throw new BadCredentialsException(WRONG);
		}
		if (!account.isEnabled()) {
			this.throttle.failed(username, address, null);
			throw new BadCredentialsException(WRONG);
		}
		this.verified.remember(username, password, account, changes);
		this.throttle.succeeded(username, address);
		return account;
	}

	private static GrantsUser outcome(CompletableFuture<GrantsUser> check) {
		try {
			return check.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof SignInThrottled throttled) {
				throw new SignInThrottled(throttled.retryAfterSeconds());
			}
			if (ex.getCause() instanceof InternalAuthenticationServiceException internal) {
				throw new InternalAuthenticationServiceException(internal.getMessage(), internal.getCause());
			}
			throw new BadCredentialsException(WRONG);
		}
	}

	private static Authentication signedIn(GrantsUser account, Authentication attempt) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(account, null,
				account.getAuthorities());
		token.setDetails(attempt.getDetails());
		return token;
	}

}
