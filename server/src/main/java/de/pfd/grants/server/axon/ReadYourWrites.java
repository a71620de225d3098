package de.pfd.grants.server.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.FindApplicationQuery;
import de.pfd.grants.shared.body.DecisionBodyId;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.body.FindDecisionBodiesQuery;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.organisation.FindOrganisationQuery;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.organisation.OrganisationView;
import de.pfd.grants.shared.partnership.FindPartnershipSettingsQuery;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.partnership.PartnershipSettings;
import de.pfd.grants.shared.readmodel.ReadModelUpdated;

/**
 * Read-your-writes without polling: before a write, subscribe to the one read model row
 * it changes (a subscription query); after it, wait until the projection announces the
 * aggregate's newest event ({@link ReadModelUpdated}). A write that stored nothing new
 * waits for nothing. If the read model does not show the write in time, the caller gets a
 * clear error (the change is stored), never silently stale data; a projection whose event
 * failed announces nothing, so it is never taken for up to date. Announcements stay on
 * the node whose processor handled the event: while another node holds (some of) the
 * projection's segments, this node reads the projection's progress from the token store
 * instead ({@link ProcessorProgress}).
 */
@Component
public class ReadYourWrites {

	/** How often the token store is read while another node processes the projection. */
	private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

	private final QueryGateway queries;

	private final EventStore eventStore;

	private final ProcessorProgress progress;

	private final Duration timeout;

	ReadYourWrites(QueryGateway queries, EventStore eventStore, ProcessorProgress progress,
			@Value("${grants.read-your-writes-timeout:PT10S}") Duration timeout) {
		this.queries = queries;
		this.eventStore = eventStore;
		this.progress = progress;
		this.timeout = timeout;
	}

	/**
	 * The read model that shows a change of one aggregate, and the processor that writes
	 * it.
	 */
	public record Watch(Object query, ResponseType<?> initialResponse, String aggregateId, String processor) {

		public static Watch application(ApplicationId id, PartnershipId partnership) {
			return new Watch(new FindApplicationQuery(id, partnership),
					ResponseTypes.optionalInstanceOf(ApplicationDetail.class), id.value(), "applications");
		}

		public static Watch fund(FundId id, PartnershipId partnership) {
			return new Watch(new FindFundQuery(id, partnership, null),
					ResponseTypes.optionalInstanceOf(FundBudget.class), id.value(), "fund-budget");
		}

		public static Watch organisation(OrganisationId id, PartnershipId partnership) {
			return new Watch(new FindOrganisationQuery(id, partnership),
					ResponseTypes.optionalInstanceOf(OrganisationView.class), id.value(), "organisations");
		}

		public static Watch partnershipSettings(PartnershipId partnership) {
			return new Watch(new FindPartnershipSettingsQuery(partnership),
					ResponseTypes.instanceOf(PartnershipSettings.class), partnership.value(), "partnerships");
		}

		public static Watch body(DecisionBodyId id, PartnershipId partnership) {
			return new Watch(new FindDecisionBodiesQuery(partnership),
					ResponseTypes.multipleInstancesOf(DecisionBodyView.class), id.value(), "decision-bodies");
		}

	}

	/** Runs the write, then reads the read model once it shows the write. */
	public <R> R write(List<Watch> watches, Runnable write, Supplier<R> read) {
		return write(watches, write, read, fresh -> true);
	}

	/**
	 * Runs the write and returns the read model once every watched read model shows it.
	 * The first watch is the row the write is about: if what the write set going has not
	 * settled there yet (e.g. the fund's answer to an approval), that is awaited as well,
	 * as long again at most; the other watches (e.g. the fund's figures) are then brought
	 * up to what their aggregate holds by then.
	 */
	public <R> R write(List<Watch> watches, Runnable write, Supplier<R> read, Predicate<R> settled) {
		List<Subscription> subscriptions = new ArrayList<>();
		try {
			for (Watch watch : watches) {
				subscriptions.add(new Subscription(watch, this.queries.subscriptionQuery(watch.query(),
						watch.initialResponse(), ResponseTypes.instanceOf(ReadModelUpdated.class)), this.progress));
			}
			subscriptions.forEach(s -> s.shown = lastSequence(s.watch.aggregateId()));
			write.run();
			Subscription primary = subscriptions.get(0);
			awaitNewest(primary);
			R fresh = read.get();
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (!settled.test(fresh) && primary.awaitAtLeast(primary.shown + 1, deadline)) {
				fresh = read.get();
			}
			boolean more = false;
			for (Subscription subscription : subscriptions.subList(1, subscriptions.size())) {
				more |= awaitNewest(subscription);
			}
			return more ? read.get() : fresh;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw notYetVisible();
		}
		finally {
			subscriptions.forEach(s -> s.result.cancel());
		}
	}

	/**
	 * Waits until the read model shows the aggregate's newest event, if it has a new one.
	 */
	private boolean awaitNewest(Subscription subscription) throws InterruptedException {
		long newest = lastSequence(subscription.watch.aggregateId());
		if (newest <= subscription.shown) {
			return false;
		}
		if (!subscription.awaitAtLeast(newest, System.nanoTime() + this.timeout.toNanos())) {
			throw notYetVisible();
		}
		return true;
	}

	private static ApiException notYetVisible() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.NOT_YET_VISIBLE,
				"Die Änderung ist gespeichert, aber noch nicht sichtbar; bitte neu laden / the change is stored but not yet visible, read it again shortly",
				null);
	}

	/**
	 * The updates of one watched aggregate, queued as they arrive; or, while another node
	 * processes the projection, its progress.
	 */
	private static final class Subscription {

		final Watch watch;

		final SubscriptionQueryResult<?, ReadModelUpdated> result;

		final ProcessorProgress progress;

		final BlockingQueue<ReadModelUpdated> arrivals = new LinkedBlockingQueue<>();

		/** The aggregate's newest event that the read model is known to show. */
		long shown;

		Subscription(Watch watch, SubscriptionQueryResult<?, ReadModelUpdated> result, ProcessorProgress progress) {
			this.watch = watch;
			this.result = result;
			this.progress = progress;
			result.updates()
				.filter(update -> update.aggregateId().equals(watch.aggregateId()))
				.subscribe(this.arrivals::offer);
		}

		/**
		 * Whether the read model shows the event {@code sequence} before the deadline.
		 */
		boolean awaitAtLeast(long sequence, long deadline) throws InterruptedException {
			while (true) {
				long left = deadline - System.nanoTime();
				ReadModelUpdated update = this.arrivals.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
				if (update != null) {
					this.shown = Math.max(this.shown, update.sequenceNumber());
					if (this.shown >= sequence) {
						return true;
					}
				}
				else if (!this.progress.processedHere(this.watch.processor()) && this.progress
					.shows(this.watch.processor(), this.watch.aggregateId(), this.shown, sequence)) {
					this.shown = sequence;
					return true;
				}
				else if (left <= 0) {
					return false;
				}
			}
		}

	}

	private long lastSequence(String aggregateId) {
		return this.eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
	}

}
