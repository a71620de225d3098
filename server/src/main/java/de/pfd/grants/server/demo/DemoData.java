package de.pfd.grants.server.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.account.PartnershipEstablishment;
import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.body.AddMemberCommand;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.body.Member;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.LinkAccountToOrganisationCommand;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.RegisterOrganisationCommand;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The demo installation: Kreis Mettmann with its 2019 funds, created through commands (so
 * that it is part of the event history), and demo accounts that all have the password
 * {@code demo}. Runs at every start and creates only what is missing.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final PartnershipId KREIS_METTMANN = new PartnershipId("kreis-mettmann");

	static final String DEMO_PASSWORD = "demo";

	private final CommandGateway commands;

	private final EventStore eventStore;

	private final AccountStore accounts;

	private final PasswordEncoder passwordEncoder;

	private final ProjectionSync projections;

	private final String address;

	private final PartnershipEstablishment partnerships;

	DemoData(PartnershipEstablishment partnerships, CommandGateway commands, EventStore eventStore,
			AccountStore accounts, PasswordEncoder passwordEncoder, ProjectionSync projections,
			@Value("${server.address:all interfaces}") String address) {
		this.partnerships = partnerships;
		this.commands = commands;
		this.eventStore = eventStore;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.projections = projections;
		this.address = address;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the partnership with its steering board and youth forum, as a set-up makes it
		this.partnerships.establish(KREIS_METTMANN, "Partnerschaft für Demokratie Kreis Mettmann");
		for (OpenFundCommand fund : List.of(
				new OpenFundCommand(KREIS_METTMANN, FundType.ACTION_FUND, 2019, Money.euros("35000.00"),
						Money.euros("5000.00"), Money.euros("500.00")),
				new OpenFundCommand(KREIS_METTMANN, FundType.YOUTH_FUND, 2019, Money.euros("10000.00"),
						Money.euros("2500.00"), Money.euros("500.00")))) {
			if (absent(fund.fundId().value())) {
				this.partnerships.createUnlessThere(fund);
			}
		}
		seedOrganisations();
		seedMembers();
		int created = 0;
		for (GrantsUser user : users(this.passwordEncoder.encode(DEMO_PASSWORD))) {
			created += this.accounts.createIfAbsent(user) ? 1 : 0;
		}
		// to try the installation's own administration too
		this.accounts.makePlatformAdministrator("staff");
		this.projections.awaitProjections();
		log.info("demo data ready: Kreis Mettmann 2019 funds, {} new demo accounts", created);
		log.warn(
				"DEMO profile: accounts with the known password '{}' exist; listening on {} only "
						+ "(GRANTS_BIND_ADDRESS to change). Never use this profile with real data.",
				DEMO_PASSWORD, this.address);
	}

	/**
	 * The organisations of the three demo applicants, each applicant belonging to theirs
	 * (applicant1: Kulturverein Mettmann e.V., applicant2: Initiative Vielfalt Hilden,
	 * applicant3: Jugendtreff Erkrath).
	 */
	private void seedOrganisations() {
		for (DemoOrganisation organisation : DemoOrganisation.values()) {
			if (absent(organisation.id.value())) {
				this.partnerships.createUnlessThere(new RegisterOrganisationCommand(organisation.id, KREIS_METTMANN,
						organisation.name, organisation.legalForm, organisation.address, null, null, null));
			}
			// a second link changes nothing
			this.commands.sendAndWait(new LinkAccountToOrganisationCommand(organisation.id, organisation.applicant));
		}
	}

	/** The organisations of the demo applicants, with fixed ids. */
	enum DemoOrganisation {

		KULTURVEREIN("demo-kulturverein-mettmann", "Kulturverein Mettmann e.V.", LegalForm.REGISTERED_ASSOCIATION,
				"Markt 1, 40822 Mettmann", "applicant1"),
		VIELFALT("demo-initiative-vielfalt-hilden", "Initiative Vielfalt Hilden", LegalForm.INITIATIVE,
				"Mittelstraße 5, 40721 Hilden", "applicant2"),
		JUGENDTREFF("demo-jugendtreff-erkrath", "Jugendtreff Erkrath", LegalForm.INFORMAL_YOUTH_GROUP,
				"Bahnstraße 10, 40699 Erkrath", "applicant3");

		final OrganisationId id;

		final String name;

		final LegalForm legalForm;

		final String address;

		final String applicant;

		DemoOrganisation(String id, String name, LegalForm legalForm, String address, String applicant) {
			this.id = new OrganisationId(id);
			this.name = name;
			this.legalForm = legalForm;
			this.address = address;
			this.applicant = applicant;
		}

		/** The demo organisation of this name, if it is one. */
		static Optional<DemoOrganisation> named(String name) {
			return Arrays.stream(values()).filter(o -> o.name.equals(name)).findFirst();
		}

	}

	/**
	 * The members of the steering board (board1..board7; board2 represents the
	 * organisation of applicant1, board5 that of applicant2, by id) and of the youth
	 * forum (youth1..youth5).
	 */
	private void seedMembers() {
		DecisionBodyId board = DecisionBodyId.of(KREIS_METTMANN, DecisionBodyType.STEERING_BOARD);
		DecisionBodyId forum = DecisionBodyId.of(KREIS_METTMANN, DecisionBodyType.YOUTH_FORUM);
		for (GrantsUser user : users("")) {
			if (user.role() == Role.MEMBER) {
				List<OrganisationId> represents = DemoOrganisation.named(user.organisation())
					.map(organisation -> List.of(organisation.id))
					.orElse(List.of());
				this.commands.sendAndWait(new AddMemberCommand(
						user.decisionBody() == DecisionBodyType.STEERING_BOARD ? board : forum,
						new Member(user.username(), user.displayName(), user.organisation(), true, represents)));
			}
		}
	}

	private boolean absent(String aggregateId) {
		return this.eventStore.lastSequenceNumberFor(aggregateId).isEmpty();
	}

	/** One hash for all: BCrypt on every account would slow the start for nothing. */
	static List<GrantsUser> users(String hash) {
		List<GrantsUser> users = new ArrayList<>();
		users.add(user("staff", hash, Role.STAFF, null, "Kreisintegrationszentrum (Staff)", "Kreis Mettmann"));
		// the second pair of eyes: releases the payouts that staff certify
		users.add(user("staff2", hash, Role.STAFF, null, "Koordinierungs- und Fachstelle (Staff 2)", "Kreis Mettmann"));
		users.add(user("auditor", hash, Role.AUDITOR, null, "Prüfung (Auditor)", "Kreis Mettmann"));
		String[] boardOrganisations = { "Stadt Ratingen", "Kulturverein Mettmann e.V.", "Kreispolizeibehörde Mettmann",
				"Caritasverband", "Initiative Vielfalt Hilden", "Volkshochschule Mettmann-Wülfrath",
				"Integrationsrat Velbert" };
		for (int i = 1; i <= 7; i++) {
			users.add(user("board" + i, hash, Role.MEMBER, DecisionBodyType.STEERING_BOARD, "Begleitausschuss " + i,
					boardOrganisations[i - 1]));
		}
		for (int i = 1; i <= 5; i++) {
			users.add(user("youth" + i, hash, Role.MEMBER, DecisionBodyType.YOUTH_FORUM, "Jugendforum " + i,
					"Jugendforum Kreis Mettmann"));
		}
		String[] applicants = { "Kulturverein Mettmann e.V.", "Initiative Vielfalt Hilden", "Jugendtreff Erkrath" };
		for (int i = 1; i <= 3; i++) {
			users.add(user("applicant" + i, hash, Role.APPLICANT, null, "Antragsteller " + i, applicants[i - 1]));
		}
		return users;
	}

	private static GrantsUser user(String name, String hash, Role role, DecisionBodyType body, String displayName,
			String organisation) {
		// staff may also manage the partnership's accounts; the addresses do not exist
		return new GrantsUser(name, hash, role, KREIS_METTMANN, body, displayName, organisation, true,
				name + "@demo.invalid", name.equals("staff"));
	}

}
