package de.pfd.grants.command.partnership;

import static de.pfd.grants.command.common.Checks.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.partnership.ChangePartnershipSettingsCommand;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipRegistered;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import de.pfd.grants.shared.partnership.PartnershipSettingsChanged;
import de.pfd.grants.shared.partnership.RegisterPartnershipCommand;

/**
 * A local "Partnerschaft für Demokratie": owns funds, bodies and users of one
 * installation's tenant, and its settings (four eyes for payouts, the processing-time
 * target).
 */
@Aggregate
public class Partnership {

	static final int MIN_TARGET_DAYS = 1;

	static final int MAX_TARGET_DAYS = 365;

	@AggregateIdentifier
	private PartnershipId partnershipId;

	private PartnershipSettings settings = PartnershipSettings.DEFAULTS;

	protected Partnership() {
	}

	@CommandHandler
	public Partnership(RegisterPartnershipCommand command) {
		check(command.name() != null && !command.name().isBlank() && command.name().length() <= 200,
				ErrorCode.INVALID_INPUT, "a partnership needs a name of at most 200 characters");
		apply(new PartnershipRegistered(command.partnershipId(), command.name().strip()));
	}

	@CommandHandler
	public void handle(ChangePartnershipSettingsCommand command) {
		int days = command.processingTimeTargetDays();
		check(days >= MIN_TARGET_DAYS && days <= MAX_TARGET_DAYS, ErrorCode.INVALID_INPUT,
				"Das Bearbeitungsziel liegt zwischen " + MIN_TARGET_DAYS + " und " + MAX_TARGET_DAYS
						+ " Tagen / the processing-time target is between " + MIN_TARGET_DAYS + " and "
						+ MAX_TARGET_DAYS + " days",
				"processingTimeTargetDays");
		if (new PartnershipSettings(command.fourEyesPayouts(), days).equals(this.settings)) {
			return;
		}
		apply(new PartnershipSettingsChanged(this.partnershipId, command.fourEyesPayouts(), days));
	}

	/** The settings as they are now. */
	public PartnershipSettings settings() {
		return this.settings;
	}

	@EventSourcingHandler
	void on(PartnershipRegistered event) {
		this.partnershipId = event.partnershipId();
	}

	@EventSourcingHandler
	void on(PartnershipSettingsChanged event) {
		this.settings = new PartnershipSettings(event.fourEyesPayouts(), event.processingTimeTargetDays());
	}

}
