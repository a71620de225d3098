package de.pfd.grants.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotation;

/**
 * A text field that may span lines (a description, a report, a note): newlines and tabs
 * are allowed in it; every other text field is a single line. No other control character
 * is allowed anywhere ({@link StrictJson}).
 */
@Documented
@JacksonAnnotation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

}
