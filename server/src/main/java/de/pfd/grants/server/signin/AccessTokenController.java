package de.pfd.grants.server.signin;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.pfd.grants.server.security.AccessTokens;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.TokenAuthentication;
import de.pfd.grants.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The caller's own personal access tokens. Any signed-in account may hold some; a token
 * cannot make another one (that needs the password), so a stolen token cannot outlive its
 * expiry.
 */
@RestController
@RequestMapping("/api/account/tokens")
@Tag(name = "Account", description = "Personal access tokens for API clients (Authorization: Bearer)")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
class AccessTokenController {

	private final AccessTokens tokens;

	AccessTokenController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@Operation(summary = "Make a token: the answer holds its secret, shown this once")
	ResponseEntity<CreatedToken> create(@AuthenticationPrincipal GrantsUser user, Authentication authentication,
			@Valid @RequestBody TokenRequest request) {
		if (authentication instanceof TokenAuthentication) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
							"Ein Token kann keine weiteren Tokens erstellen: bitte mit Passwort anmelden / "
									+ "a token cannot make tokens: sign in with your password"),
					null);
		}
		AccessTokens.Created created = this.tokens.create(user.username(), request.name(), request.expiresInDays());
		AccessTokens.Token token = created.token();
		return ResponseEntity.created(URI.create("/api/account/tokens/" + token.id()))
			.cacheControl(CacheControl.noStore())
			.body(new CreatedToken(token.id(), created.secret(), token.name(), token.createdAt(), token.expiresAt()));
	}

	@GetMapping
	@Operation(summary = "Your tokens that are not revoked, expired ones too (never the secret)")
	List<AccessTokens.Token> list(@AuthenticationPrincipal GrantsUser user) {
		return this.tokens.list(user.username());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your tokens (never the secret); another account's is 404")
	AccessTokens.Token one(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.tokens.find(user.username(), id).orElseThrow(() -> ApiException.notFound("Token"));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of your tokens: it signs nobody in from now on, on every node")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		if (!this.tokens.revoke(user.username(), id)) {
			throw ApiException.notFound("Token");
		}
		return ResponseEntity.noContent().build();
	}

}
