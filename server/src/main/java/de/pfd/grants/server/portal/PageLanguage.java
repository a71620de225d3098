package de.pfd.grants.server.portal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the web pages: German, unless the visitor chose English with
 * {@code ?lang=en} (kept in a cookie; {@code ?lang=de} goes back). The browser's own
 * preference is not followed: the product speaks German first.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

	static final Locale GERMAN = Locale.GERMAN;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("grants-lang");
		resolver.setDefaultLocale(GERMAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).excludePathPatterns("/api/**");
	}

}
