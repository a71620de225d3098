package de.pfd.grants.server.web;

/**
 * The refusals of the use cases and the domain say "Deutsch / English"; a page in German
 * shows the German half.
 */
public final class Bilingual {

	private Bilingual() {
	}

	/** The German half of a "Deutsch / English" message (all of it without a slash). */
	public static String german(String message) {
		if (message == null) {
			return "";
		}
		int slash = message.indexOf(" / ");
		return slash > 0 ? message.substring(0, slash) : message;
	}

}
