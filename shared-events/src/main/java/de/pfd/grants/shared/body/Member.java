package de.pfd.grants.shared.body;

/**
 * A member of a decision body: an account, the organisation it represents, voting or
 * advisory.
 */
public record Member(String username, String name, String organisation, boolean voting) {
}
