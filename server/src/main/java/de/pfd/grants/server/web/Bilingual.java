package de.pfd.grants.server.web;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The refusals of the use cases and the domain say "Deutsch / English"; a page in German
 * shows the German half.
 */
public final class Bilingual {

	private Bilingual() {
	}

	/**
	 * The half of a "Deutsch / English" message in the language of the page being shown
	 * (English for {@code ?lang=en}, German otherwise).
	 */
	public static String local(String message) {
		if ("en".equals(LocaleContextHolder.getLocale().getLanguage())) {
			int slash = message == null ? -1 : message.indexOf(" / ");
			return slash > 0 ? message.substring(slash + 3) : german(message);
		}
		return german(message);
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
