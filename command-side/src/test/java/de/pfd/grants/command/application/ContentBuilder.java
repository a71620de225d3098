package de.pfd.grants.command.application;

import java.time.LocalDate;
import java.util.List;

import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.money.Money;

/** Builds an {@link ApplicationContent}; every field starts out empty. */
public final class ContentBuilder {

	private String title;

	private String summary;

	private String description;

	private ActionField actionField;

	private List<TargetGroup> targetGroups;

	private Integer expectedParticipants;

	private LocalDate startDate;

	private LocalDate endDate;

	private Applicant applicant;

	private List<CostItem> costs;

	private List<IncomeItem> income;

	private Money requestedAmount;

	public ContentBuilder title(String title) {
		this.title = title;
		return this;
	}

	public ContentBuilder summary(String summary) {
		this.summary = summary;
		return this;
	}

	public ContentBuilder description(String description) {
		this.description = description;
		return this;
	}

	public ContentBuilder actionField(ActionField actionField) {
		this.actionField = actionField;
		return this;
	}

	public ContentBuilder targetGroups(List<TargetGroup> targetGroups) {
		this.targetGroups = targetGroups;
		return this;
	}

	public ContentBuilder expectedParticipants(Integer expectedParticipants) {
		this.expectedParticipants = expectedParticipants;
		return this;
	}

	public ContentBuilder startDate(LocalDate startDate) {
		this.startDate = startDate;
		return this;
	}

	public ContentBuilder endDate(LocalDate endDate) {
		this.endDate = endDate;
		return this;
	}

	public ContentBuilder applicant(Applicant applicant) {
		this.applicant = applicant;
		return this;
	}

	public ContentBuilder costs(List<CostItem> costs) {
		this.costs = costs;
		return this;
	}

	public ContentBuilder income(List<IncomeItem> income) {
		this.income = income;
		return this;
	}

	public ContentBuilder requestedAmount(Money requestedAmount) {
		this.requestedAmount = requestedAmount;
		return this;
	}

	public ApplicationContent build() {
		return new ApplicationContent(this.title, this.summary, this.description, this.actionField, this.targetGroups,
				this.expectedParticipants, this.startDate, this.endDate, this.applicant, this.costs, this.income,
				this.requestedAmount);
	}

}
