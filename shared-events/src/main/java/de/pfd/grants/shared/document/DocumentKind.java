package de.pfd.grants.shared.document;

/**
 * What a document attached to an application is: the applicant's offers (three written
 * offers from 1,000 EUR per item) while drafting, receipts, photos and the signed grant
 * notice once approved; anything else.
 */
public enum DocumentKind {

	OFFER, RECEIPT, PHOTO, SIGNED_NOTICE, OTHER

}
