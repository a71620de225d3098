package de.pfd.grants.server.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.shared.body.VotingRules;
import de.pfd.grants.shared.fund.FundBudget;

/**
 * The module boundaries and the adapters' shape, checked on the compiled classes of every
 * module.
 */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.pfd.grants");

	@Test
	void the_command_side_does_not_depend_on_the_web_or_the_http_front() {
		noClasses().that()
			.resideInAPackage("de.pfd.grants.command..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "de.pfd.grants.server..",
					"de.pfd.grants.query..")
			.check(CLASSES);
	}

	@Test
	void the_query_side_never_depends_on_the_command_side() {
		noClasses().that()
			.resideInAPackage("de.pfd.grants.query..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("de.pfd.grants.command..", "de.pfd.grants.server..")
			.check(CLASSES);
	}

	@Test
	void shared_events_depend_only_on_the_jdk_jackson_annotations_and_axons_message_annotations() {
		classes().that()
			.resideInAPackage("de.pfd.grants.shared..")
			.should()
			.onlyDependOnClassesThat(
					resideInAnyPackage("java..", "de.pfd.grants.shared..", "com.fasterxml.jackson.annotation..")
						.or(equivalentTo(Revision.class))
						.or(equivalentTo(TargetAggregateIdentifier.class)))
			.check(CLASSES);
	}

	@Test
	void rest_controllers_are_thin_adapters_over_the_use_cases() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat(equivalentTo(CommandGateway.class).or(equivalentTo(QueryGateway.class))
				.or(equivalentTo(EventStore.class))
				.or(equivalentTo(JdbcTemplate.class))
				.or(equivalentTo(AccountStore.class)))
			.because("a rule, an access check or a query written in a controller would have to be written again "
					+ "for the web pages")
			.check(CLASSES);
	}

	@Test
	void commands_carry_nothing_the_sender_looked_up_in_a_read_model() {
		noClasses().that()
			.resideInAPackage("de.pfd.grants.shared..")
			.and()
			.haveSimpleNameEndingWith("Command")
			.should()
			.dependOnClassesThat(equivalentTo(VotingRules.class).or(equivalentTo(FundBudget.class))
				.or(simpleNameEndingWith("View"))
				.or(simpleNameEndingWith("Detail"))
				.or(simpleNameEndingWith("Summary")))
			.because("what a command handler decides against (fund terms, members, rules) is read by the command "
					+ "side itself, never passed in from a possibly stale projection")
			.check(CLASSES);
	}

	@Test
	void events_are_records_with_a_revision() {
		methods().that()
			.areAnnotatedWith(EventSourcingHandler.class)
			.or()
			.areAnnotatedWith(EventHandler.class)
			.should(handleARevisedRecord())
			.check(CLASSES);
	}

	private static ArchCondition<JavaMethod> handleARevisedRecord() {
		return new ArchCondition<>("take an event that is a record annotated with @Revision") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				var parameters = method.getRawParameterTypes();
				boolean ok = !parameters.isEmpty() && parameters.get(0).isRecord()
						&& parameters.get(0).isAnnotatedWith(Revision.class);
				events.add(new SimpleConditionEvent(method, ok,
						method.getFullName() + (ok ? " handles " : " does not handle ") + "a revised record"));
			}
		};
	}

}
