package de.pfd.grants.server.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

import de.pfd.grants.server.web.EuroAmount;
import de.pfd.grants.server.web.MultiLine;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.Declaration;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A draft as the applicant writes it. Everything may be missing in a draft (the
 * submission checks completeness), but what is there must be well-formed. Text is stored
 * as text, never interpreted.
 */
public record ApplicationRequest(@Size(max = 100) String fundId, @Size(max = 100) String organisationId,
		@Size(max = 200) String title, @MultiLine @Size(max = 2000) String summary,
		@MultiLine @Size(max = 10000) String description, ActionField actionField,
		@Size(max = 20) List<@NotNull TargetGroup> targetGroups, @Min(1) @Max(1000000) Integer expectedParticipants,
		LocalDate startDate, LocalDate endDate, @Valid ApplicantRequest applicant,
		@Size(max = 50) List<@Valid @NotNull CostLine> costs, @Size(max = 50) List<@Valid @NotNull IncomeLine> income,
		@EuroAmount BigDecimal requestedAmount, @Size(max = 10) List<@NotNull Declaration> declarations) {

	record ApplicantRequest(@Size(max = 200) String organisation, LegalForm legalForm,
			@Size(max = 200) String contactName, @Email @Size(max = 254) String email,
			@MultiLine @Size(max = 500) String address, @JsonAlias( {
					"youngApplicant", "ageConfirmed", "confirmedAtMost27" }) Boolean youthConfirmed){
	}

	record CostLine(@NotNull CostCategory category, @MultiLine @Size(max = 500) String description,
			@NotNull @EuroAmount BigDecimal amount) {
	}

	record IncomeLine(@NotNull IncomeSource source, @MultiLine @Size(max = 500) String description,
			@NotNull @EuroAmount BigDecimal amount) {
	}

	ApplicationContent content() {
		Applicant a = this.applicant == null ? null
				: new Applicant(trim(this.applicant.organisation()), this.applicant.legalForm(),
						trim(this.applicant.contactName()), trim(this.applicant.email()),
						trim(this.applicant.address()), this.applicant.youthConfirmed());
		return new ApplicationContent(trim(this.title), trim(this.summary), trim(this.description), this.actionField,
				this.targetGroups, this.expectedParticipants, this.startDate, this.endDate, a,
				this.costs == null ? List.of()
						: this.costs.stream()
							.map(c -> new CostItem(c.category(), trim(c.description()), Money.of(c.amount())))
							.toList(),
				this.income == null ? List.of()
						: this.income.stream()
							.map(i -> new IncomeItem(i.source(), trim(i.description()), Money.of(i.amount())))
							.toList(),
				this.requestedAmount == null ? null : Money.of(this.requestedAmount),
				this.declarations == null ? List.of() : this.declarations.stream().distinct().toList());
	}

	/**
	 * The request a content would be sent as: the web form's drafts are checked against
	 * the same limits as the API's ({@code jakarta.validation.Validator}).
	 */
	public static ApplicationRequest of(String fundId, ApplicationContent content) {
		Applicant a = content.applicant();
		return new ApplicationRequest(fundId, null, content.title(), content.summary(), content.description(),
				content.actionField(), content.targetGroups(), content.expectedParticipants(), content.startDate(),
				content.endDate(),
				a == null ? null
						: new ApplicantRequest(a.organisation(), a.legalForm(), a.contactName(), a.email(), a.address(),
								a.youthConfirmed()),
				content.costs()
					.stream()
					.map(c -> new CostLine(c.category(), c.description(),
							c.amount() == null ? null : c.amount().amount()))
					.toList(),
				content.income()
					.stream()
					.map(i -> new IncomeLine(i.source(), i.description(),
							i.amount() == null ? null : i.amount().amount()))
					.toList(),
				null, content.declarations());
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
