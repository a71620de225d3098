package de.pfd.grants.command.partnership;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/** Reads the partnerships' settings from their aggregates: never stale. */
@Component
class PartnershipsOfTheAggregates implements Partnerships {

	private final ObjectProvider<Configuration> axon;

	PartnershipsOfTheAggregates(ObjectProvider<Configuration> axon) {
		this.axon = axon;
	}

	@Override
	public PartnershipSettings settings(PartnershipId partnershipId) {
		try {
			return this.axon.getObject()
				.repository(Partnership.class)
				.load(partnershipId.value())
				.invoke(Partnership::settings);
		}
		catch (AggregateNotFoundException | IncompatibleAggregateException ex) {
			return PartnershipSettings.DEFAULTS;
		}
	}

}
