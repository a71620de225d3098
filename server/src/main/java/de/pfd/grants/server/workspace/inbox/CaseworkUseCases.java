package de.pfd.grants.server.workspace.inbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.document.DocumentUseCases;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentView;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.grant.RefundClaim;
import de.pfd.grants.shared.money.Money;

/**
 * The office's casework: all applications of the partnership (filtered, paged), one
 * application with everything the office needs and the steps its status allows, and the
 * facts of a formal check. Over the same use cases as the API
 * ({@code ApplicationUseCases}, {@code GrantUseCases}, {@code DocumentUseCases}), which
 * check what the user may see; the steps are links to the pages that take them, and each
 * step's use case decides whether it may be taken.
 */
@Service
public class CaseworkUseCases {

	/** Rows on one page of the list. */
	public static final int PAGE_SIZE = 50;

	/**
	 * From this amount on a cost item is expected to come with three written offers (the
	 * portal's hint to applicants; the domain does not check it, the formal check does).
	 */
	public static final Money OFFERS_FROM = Money.euros("1000.00");

	private static final Set<ApplicationStatus> DECIDED = Set.of(ApplicationStatus.APPROVED,
			ApplicationStatus.WAITLISTED, ApplicationStatus.NO_DECISION);

	private final ApplicationUseCases applications;

	private final GrantUseCases grants;

	private final DocumentUseCases documents;

	private final AccessPolicy access;

	CaseworkUseCases(ApplicationUseCases applications, GrantUseCases grants, DocumentUseCases documents,
			AccessPolicy access) {
		this.applications = applications;
		this.grants = grants;
		this.documents = documents;
		this.access = access;
	}

	/** One page of the list, and how many pages there are. */
	public record Page(List<ApplicationSummary> rows, int page, int pages, int total) {
	}

	/**
	 * The applications of the partnership, newest first, filtered by fund and status (a
	 * fund of another partnership finds none), page {@code page} (from 1) of
	 * {@link #PAGE_SIZE}.
	 */
	public Page list(GrantsUser user, String fundId, ApplicationStatus status, int page) {
		List<ApplicationSummary> all = this.applications.list(user, blankToNull(fundId), status);
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		int from = (current - 1) * PAGE_SIZE;
		return new Page(all.subList(from, Math.min(all.size(), from + PAGE_SIZE)), current, pages, all.size());
	}

	/** A step the office may take next, as a link to its page (key of its text). */
	public record Step(String key, String href) {
	}

	/**
	 * One application as the office works on it: the application, its fund, its
	 * documents, its refund claims, the steps its status allows, and the link to the
	 * provenance of its decision once it was decided (null before).
	 */
	public record Case(ApplicationDetail application, FundBudget fund, List<DocumentView> documents,
			List<RefundClaim> refundClaims, List<Step> steps, String provenance) {
	}

	public Case application(GrantsUser user, String id) {
		ApplicationDetail application = this.applications.detail(user, id);
		FundBudget fund = this.access.fund(user, application.fundId().value(), null);
		ApplicationDetail.Grant grant = application.grant();
		boolean claim = grant != null && grant.refundClaim() != null && grant.refundClaim().isPositive();
		return new Case(application, fund, this.documents.list(user, application.id().value()),
				claim ? this.grants.refundClaims(user, application) : List.of(), steps(application),
				decided(application) ? "/pruefung/entscheidungen/" + application.id().value() : null);
	}

	/** The steps of the office that the status (and the grant's progress) lead to. */
	static List<Step> steps(ApplicationDetail a) {
		String page = InboxUseCases.page(a.id().value());
		List<Step> steps = new ArrayList<>();
		ApplicationDetail.Grant grant = a.grant();
		switch (a.status()) {
			case SUBMITTED -> steps.add(new Step("casework.step.formalCheck", page + "/formalpruefung"));
			case READY_FOR_DECISION, NO_DECISION -> {
				steps.add(new Step("casework.step.openVote", page + "/abstimmung"));
				steps.add(new Step("casework.step.fastTrack", page + "/schnellverfahren"));
			}
			case IN_VOTING -> steps.add(new Step("casework.step.closeVote", page + "/abstimmung"));
			case PROOF_OF_USE_SUBMITTED ->
				steps.add(new Step("casework.step.reviewProof", page + "/verwendungsnachweis"));
			default -> {
			}
		}
		if (grant != null && a.status() == ApplicationStatus.APPROVED) {
			if (grant.fundsReserved() && grant.noticeIssuedAt() == null) {
				steps.add(new Step("casework.step.notice", page + "/bescheid"));
			}
			if (grant.noticeIssuedAt() != null) {
				steps.add(new Step("casework.step.payouts", page + "/auszahlungen"));
			}
		}
		if (grant != null && grant.refundClaim() != null && grant.refundClaim().isPositive()) {
			steps.add(new Step("casework.step.refunds", page + "/rueckzahlungen"));
		}
		if (grant != null) {
			steps.add(new Step("casework.step.correction", page + "/korrektur"));
		}
		return steps;
	}

	/** Decided by a body or on the fast track (a vote without quorum too). */
	static boolean decided(ApplicationDetail a) {
		boolean beforeBody = a.history()
			.stream()
			.anyMatch(change -> change.status() == ApplicationStatus.READY_FOR_DECISION);
		return beforeBody && a.history()
			.stream()
			.anyMatch(change -> DECIDED.contains(change.status()) || change.status() == ApplicationStatus.REJECTED);
	}

	/** A cost item from {@link #OFFERS_FROM} on. */
	public record CostFact(String description, Money amount) {
	}

	/**
	 * What the formal check looks at, as the application and its fund state it: the
	 * project period and the fund's year, the amount requested and the fund's cap, the
	 * sums of the plan (costs − income, computed by the domain's own code) against the
	 * amount requested, the co-financing share, the cost items from 1,000 EUR on and the
	 * offers attached, and the fund's fast-track limit. That the submission met the
	 * domain's rules of submission (complete, within the year and the cap, the plan
	 * adding up) is what let it be submitted; these facts are for the office's judgement,
	 * and the command decides.
	 */
	public record FormalCheckFacts(ApplicationDetail application, FundBudget fund, Money planBalance,
			BigDecimal coFinancingPercent, List<CostFact> itemsNeedingOffers, long offers) {
	}

	public FormalCheckFacts formalCheckFacts(GrantsUser user, String id) {
		ApplicationDetail application = this.applications.detail(user, id);
		FundBudget fund = this.access.fund(user, application.fundId().value(), null);
		var content = application.content();
		Money balance = application.totalCosts().minus(application.totalIncome());
		List<CostFact> big = content.costs()
			.stream()
			.filter(item -> item.amount() != null && !item.amount().isLessThan(OFFERS_FROM))
			.map((CostItem item) -> new CostFact(item.description(), item.amount()))
			.toList();
		long offers = this.documents.list(user, application.id().value())
			.stream()
			.filter(document -> document.kind() == DocumentKind.OFFER)
			.count();
		return new FormalCheckFacts(application, fund, balance, application.coFinancingPercent(), big, offers);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
