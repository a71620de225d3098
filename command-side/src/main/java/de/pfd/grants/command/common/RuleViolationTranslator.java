package de.pfd.grants.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;

/**
 * Turns refusals into {@link CommandExecutionException}s whose details carry a
 * {@link RuleViolation}, the form that survives the trip through Axon Server; locally the
 * sender sees the same.
 */
public class RuleViolationTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
		try {
			return chain.proceed();
		}
		catch (RuleViolationException ex) {
			throw new CommandExecutionException(ex.getMessage(), null, ex.violation());
		}
		catch (AggregateNotFoundException ex) {
			throw new CommandExecutionException("unknown " + unitOfWork.getMessage().getCommandName(), null,
					new RuleViolation(ErrorCode.NOT_FOUND, "Not found"));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// a command that cannot be valid at all: the HTTP side validates first,
			// so a client of the bus skipped validation
			throw new CommandExecutionException(ex.getMessage(), null,
					new RuleViolation(ErrorCode.INVALID_INPUT, String.valueOf(ex.getMessage())));
		}
	}

}
