package de.pfd.grants.server.security;

/**
 * Published (as a Spring application event) after an account's password was changed or
 * reset, or the account was disabled: whatever remembers verified credentials forgets
 * them.
 */
public record PasswordChanged(String username) {
}
