package de.pfd.grants.server.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.pfd.grants.server.GrantsServerApplication;
import de.pfd.grants.server.account.AccountUseCases;
import de.pfd.grants.server.account.PasswordPolicy;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * {@code setup --partnership-id ID --partnership-name NAME --admin-email EMAIL
 * --admin-password PASSWORD [--admin-name NAME]}: creates the first partnership and its
 * first administrator in the configured database (the embedded default, or e.g.
 * {@code --spring.profiles.active=postgres}), never with demo data. Exit code 0 when
 * created, 3 when an administrator exists already (nothing changed), 2 for bad arguments.
 */
public final class Setup {

	private static final List<String> OPTIONS = List.of("--partnership-id", "--partnership-name", "--admin-email",
			"--admin-password", "--admin-name");

	private Setup() {
	}

	public static boolean wanted(String[] args) {
		return args.length >= 1 && args[0].equals("setup");
	}

	public static int run(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> spring = new ArrayList<>();
		// only the set-up's own database: no demo data, unless a profile is named
		spring.add("--spring.profiles.default=embedded");
		spring.add("--spring.main.web-application-type=none");
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (OPTIONS.contains(name)) {
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: (i + 1 < args.length ? args[++i] : null);
				options.put(name, value);
			}
			else if (arg.startsWith("--")) {
				spring.add(arg);
			}
			else {
				return usage("unerwartetes Argument / unexpected argument: " + arg);
			}
		}
		Optional<String> problem = problem(options);
		if (problem.isPresent()) {
			return usage(problem.get());
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GrantsServerApplication.class)
			.web(WebApplicationType.NONE)
			.run(spring.toArray(String[]::new))) {
			FirstAdministrator.Outcome outcome = context.getBean(FirstAdministrator.class)
				.create(new PartnershipId(options.get("--partnership-id")), options.get("--partnership-name").strip(),
						options.get("--admin-email").strip().toLowerCase(Locale.ROOT),
						Optional.ofNullable(options.get("--admin-name")).orElse("Administration").strip(),
						options.get("--admin-password"));
			if (outcome == FirstAdministrator.Outcome.ADMINISTRATOR_EXISTS) {
				System.err.println("Es gibt bereits einen Administrator; nichts wurde geändert. / "
						+ "An administrator exists already; nothing was changed.");
				return 3;
			}
			System.out.println("Partnerschaft " + options.get("--partnership-id") + " und ihr erster Administrator ("
					+ options.get("--admin-email") + ") sind angelegt. Anmeldung mit der E-Mail-Adresse. / "
					+ "The partnership and its first administrator were created; sign in with the e-mail address.");
			return 0;
		}
	}

	private static Optional<String> problem(Map<String, String> options) {
		for (String required : OPTIONS.subList(0, 4)) {
			String value = options.get(required);
			if (value == null || value.isBlank()) {
				return Optional.of("fehlt / missing: " + required);
			}
		}
		if (!PartnershipId.FORMAT.matcher(options.get("--partnership-id")).matches()) {
			return Optional.of("--partnership-id: Kleinbuchstaben, Ziffern und Bindestriche, 2–63 Zeichen / "
					+ "lower-case letters, digits and dashes");
		}
		if (options.get("--partnership-name").strip().length() > 200) {
			return Optional.of("--partnership-name: höchstens 200 Zeichen / at most 200 characters");
		}
		try {
			AccountUseCases.email(options.get("--admin-email"), "--admin-email");
		}
		catch (RuntimeException ex) {
			return Optional.of("--admin-email: " + ex.getMessage());
		}
		return PasswordPolicy.standard()
			.problem(options.get("--admin-password"), options.get("--admin-email"))
			.map(message -> "--admin-password: " + message);
	}

	private static int usage(String problem) {
		System.err.println(problem);
		System.err.println("usage: setup --partnership-id ID --partnership-name NAME --admin-email EMAIL "
				+ "--admin-password PASSWORD [--admin-name NAME] [--spring.profiles.active=postgres]");
		return 2;
	}

}
