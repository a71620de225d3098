package de.pfd.grants.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import de.pfd.grants.shared.money.Money;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * A positive amount of euros with at most two decimals, at most the one limit for money.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Digits(integer = 9, fraction = 2)
@DecimalMin("0.01")
@DecimalMax(Money.MAX_EUROS)
@ReportAsSingleViolation
public @interface EuroAmount {

	String message() default "must be a positive amount in euros with at most two decimals, at most " + Money.MAX_EUROS;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
