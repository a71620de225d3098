package de.pfd.grants.persistence;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event handler of a processing group (projections and processes) runs in a
 * savepoint of the processor's transaction. A handler that fails rolls back only its own
 * work, so the transaction stays usable (PostgreSQL aborts a transaction at its first
 * failed statement): the dead-letter queue can then take the event in that same
 * transaction, and the processor goes on with the other sequences instead of retrying the
 * whole batch for ever. Which events were handled, and which failed, is noted in the unit
 * of work for those who announce fresh read models ({@link #handled}).
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

	private static final String HANDLED = HandlerSavepoints.class.getName() + ".handled";

	private static final String FAILED = HandlerSavepoints.class.getName() + ".failed";

	private final TransactionTemplate savepoint;

	public HandlerSavepoints(PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Override
	public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
		boolean processed = original.canHandleMessageType(EventMessage.class)
				&& original.annotationAttributes(EventSourcingHandler.class).isEmpty()
				&& original.declaringClass().isAnnotationPresent(ProcessingGroup.class);
		return processed ? new InSavepoint<>(original) : original;
	}

	/**
	 * Whether every handler that got this event in this unit of work handled it; false if
	 * one failed or none ran (e.g. its sequence waits in the dead-letter queue).
	 */
	public static boolean handled(UnitOfWork<?> unitOfWork, EventMessage<?> event) {
		return marks(unitOfWork, HANDLED).contains(event.getIdentifier())
				&& !marks(unitOfWork, FAILED).contains(event.getIdentifier());
	}

	private static Set<String> marks(UnitOfWork<?> unitOfWork, String kind) {
		return unitOfWork.root().getOrComputeResource(kind, key -> new HashSet<>());
	}

	private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

		InSavepoint(MessageHandlingMember<T> delegate) {
			super(delegate);
		}

		@Override
		public Object handle(Message<?> message, T target) throws Exception {
			try {
				Object result = HandlerSavepoints.this.savepoint.execute(status -> {
					try {
						return super.handle(message, target);
					}
					catch (RuntimeException ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new Checked(ex);
					}
				});
				mark(HANDLED, message);
				return result;
			}
			catch (Checked ex) {
				mark(FAILED, message);
				throw ex.cause;
			}
			catch (RuntimeException | Error ex) {
				mark(FAILED, message);
				throw ex;
			}
		}

		private void mark(String kind, Message<?> message) {
			if (CurrentUnitOfWork.isStarted()) {
				marks(CurrentUnitOfWork.get(), kind).add(message.getIdentifier());
			}
		}

	}

	/** A checked exception carried through the transaction template. */
	private static final class Checked extends RuntimeException {

		private final transient Exception cause;

		Checked(Exception cause) {
			super(cause);
			this.cause = cause;
		}

	}

}
