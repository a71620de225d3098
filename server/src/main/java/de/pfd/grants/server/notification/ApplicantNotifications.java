package de.pfd.grants.server.notification;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.pfd.grants.server.mail.Outbox;
import de.pfd.grants.server.security.AccountStore;
import de.pfd.grants.shared.application.ApplicantNotice;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationNotFunded;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.FindApplicantNoticeQuery;
import de.pfd.grants.shared.application.GrantNoticeIssued;
import de.pfd.grants.shared.grant.GrantCancelled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.ProofOfUseOverdue;
import de.pfd.grants.shared.grant.ProofOfUseReviewCorrected;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * Mails the applicant (the account that created the application, at its verified address;
 * none without one) when something happens to their application that they must know or
 * act on: returned for revision, decided (approved with the money reserved or on the
 * waiting list, rejected, not funded at year end), the grant notice issued, a payout made
 * (released, not merely certified), the proof of use overdue, a refund claimed.
 * <p>
 * A tracking processor of its own that starts at the head of the event stream
 * ({@link EventsFromDeployment}) and never replays ({@code @DisallowReplay}: a reset is
 * refused), so the history is never mailed. The mail is queued in the processor's
 * transaction, which also stores its token: each event is mailed exactly once. An
 * application the read model does not show yet fails the event into the dead-letter
 * queue, from which it is mailed when retried.
 */
@Component
@ProcessingGroup(ApplicantNotifications.GROUP)
@DisallowReplay
class ApplicantNotifications {

	static final String GROUP = "applicant-notifications";

	private final QueryGateway queries;

	private final AccountStore accounts;

	private final Outbox outbox;

	private final String publicUrl;

	ApplicantNotifications(QueryGateway queries, AccountStore accounts, Outbox outbox,
			@Value("${grants.public-url}") String publicUrl) {
		this.queries = queries;
		this.accounts = accounts;
		this.outbox = outbox;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@EventHandler
	void on(ApplicationReturnedForRevision event) {
		returned(event.applicationId(), event.note());
	}

	@EventHandler
	void on(ApplicationDecided event) {
		// an approval is mailed once the fund has answered: reserved or waiting
		if (event.outcome() == DecisionOutcome.REJECTED) {
			rejected(event.applicationId(), event.note());
		}
		else if (event.outcome() == DecisionOutcome.RETURNED) {
			returned(event.applicationId(), event.note());
		}
	}

	@EventHandler
	void on(ApplicationRejectedAsIneligible event) {
		rejected(event.applicationId(), event.reason());
	}

	@EventHandler
	void on(ApprovedFundsReserved event) {
		mail(event.applicationId(), new ApplicantMail.Text("Ihr Antrag ist bewilligt", "application approved",
				"Ihr Antrag ist bewilligt: " + ApplicantMail.euroDe(event.amount())
						+ " sind für Ihr Projekt im Fonds reserviert.",
				"Als Nächstes erhalten Sie den Zuwendungsbescheid. Mit dem Projekt beginnen Sie erst, wenn Sie ihn "
						+ "bestätigt haben (es sei denn, ein vorzeitiger Beginn ist genehmigt).",
				"Your application is approved: " + ApplicantMail.euroEn(event.amount())
						+ " are reserved for your project in the fund.",
				"Next you receive the grant notice. Start the project only once you have confirmed it (unless an "
						+ "early start was approved)."));
	}

	@EventHandler
	void on(ApprovalWaitlisted event) {
		mail(event.applicationId(), new ApplicantMail.Text("Ihr Antrag ist bewilligt und wartet auf Mittel",
				"application approved, on the waiting list",
				"Ihr Antrag ist bewilligt, aber der Fonds kann ihn zurzeit nicht decken. Er steht auf Platz "
						+ event.position() + " der Warteliste.",
				"Sie müssen nichts tun: Sobald Mittel frei werden, werden sie für Ihr Projekt reserviert, und Sie "
						+ "erhalten eine weitere Nachricht.",
				"Your application is approved, but the fund cannot cover it now. It is number " + event.position()
						+ " on the waiting list.",
				"Nothing to do: once money is released it is reserved for your project and you will hear from us "
						+ "again."));
	}

	@EventHandler
	void on(ApplicationNotFunded event) {
		mail(event.applicationId(), new ApplicantMail.Text("Ihr Antrag wird nicht gefördert", "application not funded",
				"Der Fonds ist zum Jahresende geschlossen worden, bevor über Ihren Antrag entschieden oder er "
						+ "finanziert werden konnte. Ihr Antrag wird daher nicht gefördert.",
				"Sie können Ihr Projekt im nächsten Jahr erneut beantragen.",
				"The fund was closed at year end before your application could be decided or funded, so it is not "
						+ "funded.",
				"You may apply for your project again next year."));
	}

	@EventHandler
	void on(GrantNoticeIssued event) {
		String conditionsDe = event.conditions() == null || event.conditions().isBlank() ? ""
				: "\n\nAuflagen: " + event.conditions().strip();
		String conditionsEn = event.conditions() == null || event.conditions().isBlank() ? ""
				: "\n\nConditions: " + event.conditions().strip();
		mail(event.applicationId(), new ApplicantMail.Text("Ihr Zuwendungsbescheid liegt vor", "grant notice issued",
				"Ihr Zuwendungsbescheid (Zeichen " + event.reference() + ") über "
						+ ApplicantMail.euroDe(event.approvedAmount()) + " ist erstellt." + conditionsDe,
				"Bitte lesen Sie ihn im Förderportal und bestätigen Sie ihn dort; danach können Sie Mittel abrufen.",
				"Your grant notice (reference " + event.reference() + ") of "
						+ ApplicantMail.euroEn(event.approvedAmount()) + " is issued." + conditionsEn,
				"Please read and confirm it in the portal; then you may request payouts."));
	}

	@EventHandler
	void on(PayoutRecorded event) {
		mail(event.applicationId(),
				new ApplicantMail.Text("Auszahlung veranlasst", "payout made",
						ApplicantMail.euroDe(event.amount()) + " wurden am " + ApplicantMail.dateDe(event.paidOn())
								+ " an Sie ausgezahlt.",
						"Bitte verwenden Sie das Geld bis zum " + ApplicantMail.dateDe(event.spendBy())
								+ " für Ihr Projekt und bewahren Sie die Belege für den Verwendungsnachweis auf.",
						ApplicantMail.euroEn(event.amount()) + " were paid out to you on "
								+ ApplicantMail.dateEn(event.paidOn()) + ".",
						"Please spend the money on your project by " + ApplicantMail.dateEn(event.spendBy())
								+ " and keep the receipts for the proof of use."));
	}

	@EventHandler
	void on(ProofOfUseOverdue event) {
		mail(event.applicationId(), new ApplicantMail.Text("Verwendungsnachweis überfällig", "proof of use overdue",
				"Der Verwendungsnachweis Ihres Projekts war am " + ApplicantMail.dateDe(event.dueOn())
						+ " fällig und ist noch nicht eingegangen.",
				"Bitte reichen Sie den Sachbericht und die Belegliste umgehend im Förderportal ein. Ohne Nachweis "
						+ "kann die Zuwendung zurückgefordert werden.",
				"The proof of use of your project was due on " + ApplicantMail.dateEn(event.dueOn())
						+ " and has not arrived.",
				"Please submit the report and the list of receipts in the portal at once. Without it the grant may "
						+ "be claimed back."));
	}

	@EventHandler
	void on(ProofOfUseAccepted event) {
		refundClaimed(event.applicationId(), event.refundDue());
	}

	@EventHandler
	void on(GrantCancelled event) {
		refundClaimed(event.applicationId(), event.refundDue());
	}

	/** A correction that makes a claim where the review had made none. */
	@EventHandler
	void on(ProofOfUseReviewCorrected event) {
		boolean claimedBefore = event.paid() != null && event.previousFinalGrant() != null
				&& event.paid().isGreaterThan(event.previousFinalGrant());
		if (!claimedBefore) {
			refundClaimed(event.applicationId(), event.refundDue());
		}
	}

	private void returned(ApplicationId application, String note) {
		mail(application,
				new ApplicantMail.Text("Ihr Antrag wurde zur Überarbeitung zurückgegeben",
						"application returned for revision",
						"Ihr Antrag wurde Ihnen zur Überarbeitung zurückgegeben." + ApplicantMail.noteDe(note),
						"Bitte überarbeiten Sie ihn im Förderportal und reichen Sie ihn erneut ein.",
						"Your application was returned to you for revision." + ApplicantMail.noteEn(note),
						"Please revise it in the portal and submit it again."));
	}

	private void rejected(ApplicationId application, String reason) {
		mail(application,
				new ApplicantMail.Text("Ihr Antrag wurde abgelehnt", "application rejected",
						"Ihr Antrag wurde leider abgelehnt." + ApplicantMail.noteDe(reason),
						"Fragen zur Entscheidung beantwortet Ihnen die Geschäftsstelle der Partnerschaft.",
						"We are sorry: your application was rejected." + ApplicantMail.noteEn(reason),
						"The partnership's office answers questions about the decision."));
	}

	private void refundClaimed(ApplicationId application, Money due) {
		if (due == null || !due.isPositive()) {
			return;
		}
		mail(application, new ApplicantMail.Text("Rückforderung", "refund claim",
				"Für Ihr Projekt ist eine Rückforderung entstanden: " + ApplicantMail.euroDe(due)
						+ " der ausgezahlten Mittel sind zurückzuzahlen.",
				"Bitte überweisen Sie den Betrag. Die Zahlungsfrist, die Zinsen und den Stand sehen Sie im "
						+ "Förderportal.",
				"A refund is claimed for your project: " + ApplicantMail.euroEn(due)
						+ " of the money paid out must be repaid.",
				"Please transfer the amount. The due date, the interest and the balance are shown in the portal."));
	}

	private void mail(ApplicationId application, ApplicantMail.Text text) {
		ApplicantNotice notice = this.queries
			.query(new FindApplicantNoticeQuery(application), ResponseTypes.optionalInstanceOf(ApplicantNotice.class))
			.join()
			.orElseThrow(() -> new IllegalStateException("application " + application.value()
					+ " is not in the read model yet; retry from the dead letters"));
		Optional<String> address = this.accounts.emailOf(notice.owner());
		if (address.isEmpty()) {
			return;
		}
		ApplicantMail mail = ApplicantMail.of(notice, this.publicUrl, text);
		this.outbox.queue(notice.partnershipId(), address.get(), mail.subject(), mail.body());
	}

}
