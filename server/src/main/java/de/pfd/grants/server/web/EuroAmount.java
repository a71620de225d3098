package de.pfd.grants.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/** A positive amount of euros with at most two decimals and no more than 100 million. */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Digits(integer = 9, fraction = 2)
@DecimalMin("0.01")
@DecimalMax("100000000.00")
@ReportAsSingleViolation
public @interface EuroAmount {

	String message() default "must be a positive amount in euros with at most two decimals, at most 100000000.00";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
