package de.pfd.grants.command.organisation;

import java.util.Optional;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.organisation.OrganisationId;

/** Reads organisations from their aggregates: never stale. */
@Component
class OrganisationsOfTheAggregates implements Organisations {

	private final ObjectProvider<Configuration> axon;

	OrganisationsOfTheAggregates(ObjectProvider<Configuration> axon) {
		this.axon = axon;
	}

	@Override
	public Optional<Known> find(OrganisationId id) {
		try {
			return Optional
				.of(this.axon.getObject().repository(Organisation.class).load(id.value()).invoke(Organisation::known));
		}
		catch (AggregateNotFoundException | IncompatibleAggregateException ex) {
			return Optional.empty();
		}
	}

}
