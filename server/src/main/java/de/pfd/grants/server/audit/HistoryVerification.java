package de.pfd.grants.server.audit;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import de.pfd.grants.persistence.chain.ChainVerifier;
import de.pfd.grants.persistence.chain.EventChainAnchor;
import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * The tamper evidence of the stored history (ADR 0011) as a use case: the verification
 * for staff and auditors, and the anchored head a fund statement prints. The chain exists
 * where the events are stored in this database (not behind Axon Server).
 */
@Service
public class HistoryVerification {

	private final ObjectProvider<ChainVerifier> verifier;

	private final ObjectProvider<EventChainAnchor> anchor;

	private final AccessPolicy access;

	HistoryVerification(ObjectProvider<ChainVerifier> verifier, ObjectProvider<EventChainAnchor> anchor,
			AccessPolicy access) {
		this.verifier = verifier;
		this.anchor = anchor;
		this.access = access;
	}

	/** The whole history checked, or up to a position (a head printed earlier proven). */
	public ChainVerifier.Verification verify(GrantsUser user, String upToPosition) {
		this.access.auditedPartnership(user);
		Long upTo = position(upToPosition);
		ChainVerifier chain = this.verifier.getIfAvailable();
		if (chain == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND,
					"Die Ereignisse liegen nicht in dieser Datenbank (Axon Server): keine Prüfkette / "
							+ "the events are not stored in this database: no chain",
					null);
		}
		try {
			return chain.verify(upTo);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the history could not be read for verification", ex);
		}
	}

	/** A position as typed: digits, at least 0; null for none. */
	private static Long position(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			long position = Long.parseLong(typed.trim());
			if (position >= 0) {
				return position;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ApiException.badInput("upTo",
				"Die Position muss eine ganze Zahl ab 0 sein / upTo must be a position of at least 0");
	}

	/**
	 * The head the anchor last stored: what a statement prints; empty before the first
	 * run.
	 */
	public Optional<EventChainAnchor.Head> anchoredHead() {
		EventChainAnchor chain = this.anchor.getIfAvailable();
		return chain == null ? Optional.empty() : chain.head();
	}

}
