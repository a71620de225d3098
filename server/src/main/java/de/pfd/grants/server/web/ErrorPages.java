package de.pfd.grants.server.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Boot's error page and JSON, with one change: {@code /error} asked for directly (not as
 * the answer to a failure) is 404, not Boot's 500.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ErrorPages {

	@Bean
	BasicErrorController basicErrorController(ErrorAttributes errors, ServerProperties server,
			ObjectProvider<ErrorViewResolver> views) {
		return new BasicErrorController(errors, server.getError(), views.orderedStream().toList()) {

			@Override
			protected HttpStatus getStatus(HttpServletRequest request) {
				return direct(request) ? HttpStatus.NOT_FOUND : super.getStatus(request);
			}

			@Override
			protected Map<String, Object> getErrorAttributes(HttpServletRequest request,
					ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				if (direct(request)) {
					// Boot says 999 "None" here
					attributes.put("status", HttpStatus.NOT_FOUND.value());
					attributes.put("error", HttpStatus.NOT_FOUND.getReasonPhrase());
				}
				return attributes;
			}

		};
	}

	private static boolean direct(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
	}

}
