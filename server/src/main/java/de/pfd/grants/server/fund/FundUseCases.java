package de.pfd.grants.server.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import de.pfd.grants.server.access.AccessPolicy;
import de.pfd.grants.server.axon.ReadYourWrites;
import de.pfd.grants.server.axon.ReadYourWrites.Watch;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.IdempotencyKeys;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.AddCallRoundCommand;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.CallRound;
import de.pfd.grants.shared.fund.FindCallRoundsQuery;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.fund.FindFundMovementsQuery;
import de.pfd.grants.shared.fund.FindFundsQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FindWaitlistPolicyQuery;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.SetWaitlistPolicyCommand;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySetting;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.FindPartnershipsQuery;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipView;

/**
 * The use cases of a partnership's funds: figures, movements, opening, budget, closing.
 */
@Service
public class FundUseCases {

	private final CommandGateway commands;

	private final QueryGateway queries;

	private final ReadYourWrites reads;

	private final AccessPolicy access;

	private final IdempotencyKeys idempotency;

	FundUseCases(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, AccessPolicy access,
			IdempotencyKeys idempotency) {
		this.idempotency = idempotency;
		this.commands = commands;
		this.queries = queries;
		this.reads = reads;
		this.access = access;
	}

	public List<FundBudget> funds(GrantsUser user) {
		return this.queries
			.query(new FindFundsQuery(user.partnershipId()), ResponseTypes.multipleInstancesOf(FundBudget.class))
			.join();
	}

	/**
	 * What anyone may know before signing in: the open funds of every partnership of the
	 * installation with their money (budget and what is still available) and the next
	 * submission deadline of a call round (none: applications are taken while money is
	 * left), newest year first. No application or person is part of it.
	 */
	public List<PartnershipFunds> openFundsOfEveryPartnership() {
		LocalDate today = PartnershipCalendar.dayOf(Instant.now());
		return this.queries.query(new FindPartnershipsQuery(), ResponseTypes.multipleInstancesOf(PartnershipView.class))
			.join()
			.stream()
			.map(partnership -> new PartnershipFunds(partnership, this.queries
				.query(new FindFundsQuery(partnership.id()), ResponseTypes.multipleInstancesOf(FundBudget.class))
				.join()
				.stream()
				.filter(fund -> fund.status() == FundStatus.OPEN)
				.sorted(Comparator.comparingInt(FundBudget::year).reversed().thenComparing(FundBudget::type))
				.map(fund -> new OpenFund(fund, nextRound(fund, today)))
				.toList()))
			.toList();
	}

	private CallRound nextRound(FundBudget fund, LocalDate today) {
		return this.queries
			.query(new FindCallRoundsQuery(fund.id()), ResponseTypes.multipleInstancesOf(CallRound.class))
			.join()
			.stream()
			.filter(round -> !round.submissionDeadline().isBefore(today))
			.findFirst()
			.orElse(null);
	}

	/** A partnership and its open funds. */
	public record PartnershipFunds(PartnershipView partnership, List<OpenFund> funds) {
	}

	/**
	 * An open fund and its next call round's deadline ({@code nextRound} null: no round
	 * ahead, applications are taken while money is left).
	 */
	public record OpenFund(FundBudget fund, CallRound nextRound) {
	}

	public FundBudget fund(GrantsUser user, String fundId, Instant asOf) {
		return this.access.fund(user, fundId, asOf);
	}

	/** The figures at the end of a day by value date. */
	public FundBudget fundOnDay(GrantsUser user, String fundId, LocalDate asOfDate) {
		return this.access.fund(user, fundId, null, asOfDate);
	}

	public List<FundMovement> movements(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return this.queries
			.query(new FindFundMovementsQuery(fund.id(), user.partnershipId()),
					ResponseTypes.multipleInstancesOf(FundMovement.class))
			.join();
	}

	/** One fund per partnership, type and year: a second is a conflict. */
	public FundBudget open(GrantsUser user, String partnershipId, FundType type, int year, Money budget,
			Money perProjectCap, Money fastTrackLimit, Integer spendWithinWeeks, Integer proofOfUseDueWeeks,
			Integer receiptToleranceDays) {
		PartnershipId partnership = this.access.ownPartnership(user, partnershipId);
		OpenFundCommand command = new OpenFundCommand(partnership, type, year, budget, perProjectCap, fastTrackLimit,
				spendWithinWeeks, proofOfUseDueWeeks, receiptToleranceDays);
		return change(user, command.fundId(), () -> {
			try {
				this.commands.sendAndWait(command);
			}
			catch (AggregateStreamCreationException ex) {
				throw new ApiException(HttpStatus.CONFLICT, ErrorCode.FUND_ALREADY_EXISTS,
						"Diesen Fonds gibt es schon / a " + type + " for " + year + " already exists", "type");
			}
		});
	}

	public FundBudget adjustBudget(GrantsUser user, String fundId, Money change, String reason, String idempotencyKey) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return change(user, fund.id(),
				() -> this.commands.sendAndWait(new AdjustBudgetCommand(fund.id(),
						this.idempotency.claim(user, "budget-adjustment:" + fund.id(), idempotencyKey, change, reason),
						change, reason)));
	}

	/** Year-end closing: the unreserved rest lapses. */
	public FundBudget close(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return change(user, fund.id(), () -> this.commands.sendAndWait(new CloseFundCommand(fund.id())));
	}

	/** The fund's waiting-list policy, every version of it, oldest first. */
	public List<WaitlistPolicySetting> waitlistPolicy(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return this.queries
			.query(new FindWaitlistPolicyQuery(fund.id()),
					ResponseTypes.multipleInstancesOf(WaitlistPolicySetting.class))
			.join();
	}

	/**
	 * A new version of the waiting-list policy (the same policy again changes nothing).
	 */
	public List<WaitlistPolicySetting> setWaitlistPolicy(GrantsUser user, String fundId, WaitlistPolicy policy) {
		FundBudget fund = this.access.fund(user, fundId, null);
		change(user, fund.id(), () -> this.commands.sendAndWait(new SetWaitlistPolicyCommand(fund.id(), policy)));
		return waitlistPolicy(user, fundId);
	}

	/** The fund's call rounds in their order. */
	public List<CallRound> rounds(GrantsUser user, String fundId) {
		FundBudget fund = this.access.fund(user, fundId, null);
		return this.queries
			.query(new FindCallRoundsQuery(fund.id()), ResponseTypes.multipleInstancesOf(CallRound.class))
			.join();
	}

	/** The fund's next call round; answers with all its rounds. */
	public List<CallRound> addRound(GrantsUser user, String fundId, String name, LocalDate submissionDeadline,
			Integer budgetSharePercent) {
		FundBudget fund = this.access.fund(user, fundId, null);
		change(user, fund.id(), () -> this.commands
			.sendAndWait(new AddCallRoundCommand(fund.id(), name, submissionDeadline, budgetSharePercent)));
		return rounds(user, fundId);
	}

	private FundBudget change(GrantsUser user, FundId fund, Runnable write) {
		return this.reads.write(List.of(Watch.fund(fund, user.partnershipId())), write,
				() -> this.access.fund(user, fund.value(), null));
	}

}
