package de.pfd.grants.query.readmodel;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import de.pfd.grants.persistence.HandlerSavepoints;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.organisation.FindOrganisationQuery;
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.readmodel.ReadModelUpdated;

/**
 * Tells the subscribers of a read model's query that an event of an aggregate is applied:
 * after each event a projection handled successfully, once its transaction is committed
 * (the emitter waits for the commit). An event that fails, or that waits behind a failed
 * one in the dead-letter queue, is not announced, so nobody takes a failed projection for
 * a fresh one.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelUpdates {

	/** Processing group → the query whose subscribers hear of its updates. */
	private static final Map<String, Subscribers<?>> SUBSCRIBERS = Map.of("applications",
			new Subscribers<>(FindApplicationQuery.class, id -> q -> q.applicationId().value().equals(id)),
			"fund-budget", new Subscribers<>(FindFundQuery.class, id -> q -> q.fundId().value().equals(id)),
			"decision-bodies", new Subscribers<>(FindDecisionBodiesQuery.class, id -> q -> true), "organisations",
			new Subscribers<>(FindOrganisationQuery.class, id -> q -> q.organisationId().value().equals(id)),
			"partnerships",
			new Subscribers<>(FindPartnershipSettingsQuery.class, id -> q -> q.partnershipId().value().equals(id)));

	record Subscribers<Q>(Class<Q> queryType, Function<String, Predicate<Q>> interestedIn) {

		void tell(QueryUpdateEmitter emitter, DomainEventMessage<?> event) {
			emitter.emit(this.queryType, this.interestedIn.apply(event.getAggregateIdentifier()),
					new ReadModelUpdated(event.getAggregateIdentifier(), event.getSequenceNumber()));
		}

	}

	@Autowired
	void announceUpdates(EventProcessingConfigurer processing, QueryUpdateEmitter emitter) {
		SUBSCRIBERS.forEach((group, subscribers) -> processing.registerHandlerInterceptor(group,
				configuration -> new Announcer(emitter, subscribers)));
	}

	private record Announcer(QueryUpdateEmitter emitter,
			Subscribers<?> subscribers) implements MessageHandlerInterceptor<EventMessage<?>> {

		@Override
		public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
				throws Exception {
			Object result = chain.proceed();
			// a dead-lettered event (its handler failed, or its sequence waits) is not
			// news
			if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event
					&& HandlerSavepoints.handled(unitOfWork, event)) {
				this.subscribers.tell(this.emitter, event);
			}
			return result;
		}

	}

}
