package de.pfd.grants.server.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.Declaration;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.money.Money;

/**
 * The application form as the browser sends it: every field as typed (money in German
 * notation, {@code 1.234,56}), so that a refused form shows back exactly what was
 * entered. {@link #content} turns it into the application's content for the use cases,
 * naming each field it cannot read; the requested amount is computed (costs minus
 * income), never typed. Whether the content is complete and consistent is the use cases'
 * rule.
 */
public class ApplicationForm {

	/** Rows of the cost and of the financing plan shown at least. */
	static final int MIN_ROWS = 3;

	private String fundId;

	private String title;

	private String summary;

	private String description;

	private String actionField;

	private List<String> targetGroups = new ArrayList<>();

	private String expectedParticipants;

	private String startDate;

	private String endDate;

	/** The organisation's name: used when the first application registers it. */
	private String organisation;

	private String legalForm;

	private String contactName;

	private String email;

	private String address;

	private boolean youthConfirmed;

	private List<Line> costs = new ArrayList<>();

	private List<Line> income = new ArrayList<>();

	private List<String> declarations = new ArrayList<>();

	/** A row of the cost plan (category) or of the financing plan (source). */
	public static class Line {

		private String kind;

		private String description;

		private String amount;

		public Line() {
		}

		Line(String kind, String description, String amount) {
			this.kind = kind;
			this.description = description;
			this.amount = amount;
		}

		boolean blank() {
			return isBlank(this.kind) && isBlank(this.description) && isBlank(this.amount);
		}

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getAmount() {
			return this.amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

	}

	/** The form of an application as it stands. */
	static ApplicationForm of(ApplicationDetail application) {
		ApplicationForm form = new ApplicationForm();
		ApplicationContent c = application.content();
		form.fundId = application.fundId().value();
		form.title = c.title();
		form.summary = c.summary();
		form.description = c.description();
		form.actionField = c.actionField() == null ? null : c.actionField().name();
		form.targetGroups = new ArrayList<>(c.targetGroups().stream().map(Enum::name).toList());
		form.expectedParticipants = c.expectedParticipants() == null ? null : c.expectedParticipants().toString();
		form.startDate = c.startDate() == null ? null : c.startDate().toString();
		form.endDate = c.endDate() == null ? null : c.endDate().toString();
		Applicant a = c.applicant();
		if (a != null) {
			form.organisation = a.organisation();
			form.legalForm = a.legalForm() == null ? null : a.legalForm().name();
			form.contactName = a.contactName();
			form.email = a.email();
			form.address = a.address();
			form.youthConfirmed = Boolean.TRUE.equals(a.youthConfirmed());
		}
		c.costs()
			.forEach(i -> form.costs.add(new Line(i.category() == null ? null : i.category().name(), i.description(),
					GermanMoney.format(i.amount()))));
		c.income()
			.forEach(i -> form.income.add(new Line(i.source() == null ? null : i.source().name(), i.description(),
					GermanMoney.format(i.amount()))));
		form.declarations = new ArrayList<>(c.declarations().stream().map(Enum::name).toList());
		return form;
	}

	/**
	 * Takes the fields of one step of the form from {@code posted} (what the browser sent
	 * for that step); the other steps' fields stay as they are here.
	 */
	void take(FormStep step, ApplicationForm posted) {
		switch (step) {
			case FONDS -> {
				if (posted.fundId != null) {
					this.fundId = posted.fundId;
				}
				if (posted.organisation != null) {
					this.organisation = posted.organisation;
				}
				if (posted.legalForm != null) {
					this.legalForm = posted.legalForm;
				}
			}
			case PROJEKT -> {
				this.title = posted.title;
				this.summary = posted.summary;
				this.description = posted.description;
				this.actionField = posted.actionField;
				this.targetGroups = new ArrayList<>(posted.targetGroups);
				this.expectedParticipants = posted.expectedParticipants;
				this.startDate = posted.startDate;
				this.endDate = posted.endDate;
			}
			case ANTRAGSTELLER -> {
				if (posted.organisation != null) {
					this.organisation = posted.organisation;
				}
				this.legalForm = posted.legalForm;
				this.contactName = posted.contactName;
				this.email = posted.email;
				this.address = posted.address;
				this.youthConfirmed = posted.youthConfirmed;
			}
			case KOSTEN -> {
				this.costs = new ArrayList<>(posted.costs);
				this.income = new ArrayList<>(posted.income);
			}
			case ERKLAERUNGEN -> this.declarations = new ArrayList<>(posted.declarations);
			case PRUEFEN -> {
				// the review shows, it changes nothing
			}
		}
	}

	/** Whether every declaration is given. */
	boolean declaresAll() {
		return java.util.Arrays.stream(Declaration.values()).allMatch(d -> this.declarations.contains(d.name()));
	}

	/**
	 * Blank rows up to the minimum, and {@code extra} more, for typing into; the rows
	 * there stay where they are (so that a refusal's row numbers still name them).
	 */
	void padRows(int extraCosts, int extraIncome) {
		int costs = Math.max(MIN_ROWS, this.costs.size() + extraCosts);
		int income = Math.max(MIN_ROWS, this.income.size() + extraIncome);
		while (this.costs.size() < costs) {
			this.costs.add(new Line());
		}
		while (this.income.size() < income) {
			this.income.add(new Line());
		}
	}

	/**
	 * The content the form describes; what cannot be read is put into {@code errors}
	 * (field name as the API names it, the key of its message in the bundles) and left
	 * out.
	 */
	ApplicationContent content(Map<String, String> errors) {
		List<CostItem> costItems = new ArrayList<>();
		for (int i = 0; i < this.costs.size(); i++) {
			Line line = this.costs.get(i);
			if (line.blank()) {
				continue;
			}
			CostCategory category = enumOf(CostCategory.class, line.kind, "costs[" + i + "].category", errors);
			Money amount = money(line.amount, "costs[" + i + "].amount", errors);
			costItems.add(new CostItem(category, trimmed(line.description), amount));
		}
		List<IncomeItem> incomeItems = new ArrayList<>();
		for (int i = 0; i < this.income.size(); i++) {
			Line line = this.income.get(i);
			if (line.blank()) {
				continue;
			}
			IncomeSource source = enumOf(IncomeSource.class, line.kind, "income[" + i + "].source", errors);
			Money amount = money(line.amount, "income[" + i + "].amount", errors);
			incomeItems.add(new IncomeItem(source, trimmed(line.description), amount));
		}
		List<TargetGroup> groups = new ArrayList<>();
		for (String group : this.targetGroups) {
			TargetGroup g = enumOf(TargetGroup.class, group, "targetGroups", errors);
			if (g != null) {
				groups.add(g);
			}
		}
		Applicant applicant = new Applicant(trimmed(this.organisation),
				enumOf(LegalForm.class, this.legalForm, "applicant.legalForm", errors), trimmed(this.contactName),
				trimmed(this.email), trimmed(this.address), this.youthConfirmed ? Boolean.TRUE : null);
		List<Declaration> declared = new ArrayList<>();
		for (String declaration : this.declarations) {
			Declaration d = enumOf(Declaration.class, declaration, "declarations", errors);
			if (d != null && !declared.contains(d)) {
				declared.add(d);
			}
		}
		ApplicationContent draft = new ApplicationContent(trimmed(this.title), trimmed(this.summary),
				trimmed(this.description), enumOf(ActionField.class, this.actionField, "actionField", errors), groups,
				participants(errors), date(this.startDate, "startDate", errors), date(this.endDate, "endDate", errors),
				applicant, costItems, incomeItems, null);
		Money requested = costItems.isEmpty() ? null : draft.totalCosts().minus(draft.totalIncome());
		return new ApplicationContent(draft.title(), draft.summary(), draft.description(), draft.actionField(),
				draft.targetGroups(), draft.expectedParticipants(), draft.startDate(), draft.endDate(),
				draft.applicant(), draft.costs(), draft.income(), requested, declared);
	}

	private Integer participants(Map<String, String> errors) {
		if (isBlank(this.expectedParticipants)) {
			return null;
		}
		try {
			int n = Integer.parseInt(this.expectedParticipants.strip());
			if (n >= 0 && n <= 1_000_000) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.put("expectedParticipants", "form.error.participants");
		return null;
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return GermanDay.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "form.error.date");
			return null;
		}
	}

	private static Money money(String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			errors.put(field, "form.error.amount.missing");
			return null;
		}
		BigDecimal amount = GermanMoney.parse(value);
		if (amount == null || amount.signum() < 0) {
			errors.put(field, "form.error.amount");
			return null;
		}
		return Money.of(amount);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "form.error.choice");
			return null;
		}
	}

	private static String trimmed(String value) {
		return isBlank(value) ? null : value.strip();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	// --------------------------------------------------- bean properties (binding)

	public String getFundId() {
		return this.fundId;
	}

	public void setFundId(String fundId) {
		this.fundId = fundId;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getActionField() {
		return this.actionField;
	}

	public void setActionField(String actionField) {
		this.actionField = actionField;
	}

	public List<String> getTargetGroups() {
		return this.targetGroups;
	}

	public void setTargetGroups(List<String> targetGroups) {
		this.targetGroups = targetGroups == null ? new ArrayList<>() : targetGroups;
	}

	public String getExpectedParticipants() {
		return this.expectedParticipants;
	}

	public void setExpectedParticipants(String expectedParticipants) {
		this.expectedParticipants = expectedParticipants;
	}

	public String getStartDate() {
		return this.startDate;
	}

	public void setStartDate(String startDate) {
		this.startDate = startDate;
	}

	public String getEndDate() {
		return this.endDate;
	}

	public void setEndDate(String endDate) {
		this.endDate = endDate;
	}

	public String getOrganisation() {
		return this.organisation;
	}

	public void setOrganisation(String organisation) {
		this.organisation = organisation;
	}

	public String getLegalForm() {
		return this.legalForm;
	}

	public void setLegalForm(String legalForm) {
		this.legalForm = legalForm;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public boolean isYouthConfirmed() {
		return this.youthConfirmed;
	}

	public void setYouthConfirmed(boolean youthConfirmed) {
		this.youthConfirmed = youthConfirmed;
	}

	public List<Line> getCosts() {
		return this.costs;
	}

	public void setCosts(List<Line> costs) {
		this.costs = costs == null ? new ArrayList<>() : costs;
	}

	public List<String> getDeclarations() {
		return this.declarations;
	}

	public void setDeclarations(List<String> declarations) {
		this.declarations = declarations == null ? new ArrayList<>() : declarations;
	}

	public List<Line> getIncome() {
		return this.income;
	}

	public void setIncome(List<Line> income) {
		this.income = income == null ? new ArrayList<>() : income;
	}

}
