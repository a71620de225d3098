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
 * target, the retention periods of its files).
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
		checkRetention(command.retentionYears(), "retentionYears");
		checkRetention(command.unsuccessfulRetentionYears(), "unsuccessfulRetentionYears");
		// a change that names no retention period leaves it as it is
		Integer retention = command.retentionYears() != null ? command.retentionYears()
				: this.settings.retentionYears();
		Integer unsuccessful = command.unsuccessfulRetentionYears() != null ? command.unsuccessfulRetentionYears()
				: this.settings.unsuccessfulRetentionYears();
		if (new PartnershipSettings(command.fourEyesPayouts(), days, retention, unsuccessful).equals(this.settings)) {
			return;
		}
		apply(new PartnershipSettingsChanged(this.partnershipId, command.fourEyesPayouts(), days, retention,
				unsuccessful));
	}

	private static void checkRetention(Integer years, String field) {
		check(years == null || (years >= PartnershipSettings.MIN_RETENTION_YEARS
				&& years <= PartnershipSettings.MAX_RETENTION_YEARS), ErrorCode.INVALID_INPUT,
				"Die Aufbewahrungsfrist liegt zwischen " + PartnershipSettings.MIN_RETENTION_YEARS + " und "
						+ PartnershipSettings.MAX_RETENTION_YEARS + " Jahren / the retention period is between "
						+ PartnershipSettings.MIN_RETENTION_YEARS + " and " + PartnershipSettings.MAX_RETENTION_YEARS
						+ " years",
				field);
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
		this.settings = new PartnershipSettings(event.fourEyesPayouts(), event.processingTimeTargetDays(),
				event.retentionYears(), event.unsuccessfulRetentionYears());
	}

}
