package de.pfd.grants.server.partnership;

import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.partnership.ChangePartnershipSettingsCommand;
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.partnership.PartnershipSettings;

/**
 * The settings of the user's partnership: four eyes for payouts, the processing-time
 * target and the retention rule of its files (issue 14). A partnership that never set its
 * target has the installation's default ({@code grants.processing-time.target-days}, 21
 * days). Roles are checked by the adapters (staff change, staff and auditors read).
 */
@Service
public class PartnershipSettingsUseCases {

	/**
	 * The settings as answered: the target and the retention periods (years after the end
	 * of the fund's year for grant files, after the end of the year they ended for files
	 * never granted) always filled in.
	 */
	public record Settings(boolean fourEyesPayouts, int processingTimeTargetDays, int retentionYears,
			int unsuccessfulRetentionYears) {
	}

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ReadYourWrites reads;

	private final int defaultTargetDays;

	PartnershipSettingsUseCases(CommandGateway commands, QueryGateway queries, ReadYourWrites reads,
			@Value("${grants.processing-time.target-days:21}") int defaultTargetDays) {
		this.commands = commands;
		this.queries = queries;
		this.reads = reads;
		this.defaultTargetDays = defaultTargetDays;
	}

	public Settings settings(GrantsUser user) {
		PartnershipSettings stored = stored(user);
		return new Settings(stored.fourEyesPayouts(),
				stored.processingTimeTargetDays() == null ? this.defaultTargetDays : stored.processingTimeTargetDays(),
				stored.effectiveRetentionYears(), stored.effectiveUnsuccessfulRetentionYears());
	}

	/** The processing-time target of the user's partnership, in days. */
	public int processingTimeTargetDays(GrantsUser user) {
		return settings(user).processingTimeTargetDays();
	}

	public Settings change(GrantsUser user, boolean fourEyesPayouts, int processingTimeTargetDays) {
		return change(user, fourEyesPayouts, processingTimeTargetDays, null, null);
	}

	/** Changes the settings; a retention period that is null stays as it is. */
	public Settings change(GrantsUser user, boolean fourEyesPayouts, int processingTimeTargetDays,
			Integer retentionYears, Integer unsuccessfulRetentionYears) {
		return this.reads.write(List.of(Watch.partnershipSettings(user.partnershipId())),
				() -> this.commands.sendAndWait(new ChangePartnershipSettingsCommand(user.partnershipId(),
						fourEyesPayouts, processingTimeTargetDays, retentionYears, unsuccessfulRetentionYears)),
				() -> settings(user));
	}

	private PartnershipSettings stored(GrantsUser user) {
		return this.queries
			.query(new FindPartnershipSettingsQuery(user.partnershipId()),
					ResponseTypes.instanceOf(PartnershipSettings.class))
			.join();
	}

}
