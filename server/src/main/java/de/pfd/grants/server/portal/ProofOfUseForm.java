package de.pfd.grants.server.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.money.Money;

/**
 * The proof-of-use form (Verwendungsnachweis) as typed: the narrative report, the receipt
 * rows (expenses: date, category, description, amount) and the income rows (date,
 * description, amount typed as a positive sum and sent negative, as the financial
 * statement books income). Money in German notation. Blank rows are left out.
 */
public class ProofOfUseForm {

	private static final int MIN_RECEIPTS = 3;

	private static final int MIN_INCOME = 1;

	/** The category an income row is booked under: it is no cost of any kind. */
	static final CostCategory INCOME_CATEGORY = CostCategory.OTHER;

	private String report;

	private List<Line> receipts = new ArrayList<>();

	private List<Line> income = new ArrayList<>();

	/** A row: the category only for receipts. */
	public static class Line {

		private String date;

		private String category;

		private String description;

		private String amount;

		boolean blank() {
			return isBlank(this.date) && isBlank(this.category) && isBlank(this.description) && isBlank(this.amount);
		}

		public String getDate() {
			return this.date;
		}

		public void setDate(String date) {
			this.date = date;
		}

		public String getCategory() {
			return this.category;
		}

		public void setCategory(String category) {
			this.category = category;
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

	/**
	 * Where a line of the statement sent to the use case came from: the table
	 * ({@code receipts} or {@code income}) and the row in it.
	 */
	record Origin(String table, int row) {
	}

	/** Blank rows up to the minimum, and {@code extra} more, for typing into. */
	void padRows(int extraReceipts, int extraIncome) {
		this.receipts.removeIf(Line::blank);
		this.income.removeIf(Line::blank);
		int receipts = Math.max(MIN_RECEIPTS, this.receipts.size() + extraReceipts);
		int income = Math.max(MIN_INCOME, this.income.size() + extraIncome);
		while (this.receipts.size() < receipts) {
			this.receipts.add(new Line());
		}
		while (this.income.size() < income) {
			this.income.add(new Line());
		}
	}

	/** One blank row more in the table, the rows as typed (blank ones too) kept. */
	void addRow(boolean receipt) {
		(receipt ? this.receipts : this.income).add(new Line());
		while (this.receipts.size() < MIN_RECEIPTS) {
			this.receipts.add(new Line());
		}
		while (this.income.size() < MIN_INCOME) {
			this.income.add(new Line());
		}
	}

	/**
	 * The statement the form describes, its lines in the order of {@code origins}; what
	 * cannot be read is put into {@code errors} (the id of the field on the page, the key
	 * of its message) and left out. With {@code errors} null only the amounts are read,
	 * whatever else is missing, and nothing is reported (the sums while typing).
	 */
	List<Receipt> receipts(Map<String, String> errors, List<Origin> origins) {
		List<Receipt> lines = new ArrayList<>();
		read("receipts", this.receipts, false, errors, lines, origins);
		read("income", this.income, true, errors, lines, origins);
		return lines;
	}

	private static void read(String table, List<Line> rows, boolean income, Map<String, String> errors,
			List<Receipt> lines, List<Origin> origins) {
		for (int i = 0; i < rows.size(); i++) {
			Line row = rows.get(i);
			if (row == null || row.blank()) {
				continue;
			}
			String id = table + "-" + i + "-";
			if (errors == null) {
				// the sums while typing: every amount that can be read counts
				BigDecimal typed = row.amount == null ? null : GermanMoney.parse(row.amount);
				if (typed != null && typed.signum() > 0) {
					Money amount = Money.of(typed);
					lines.add(new Receipt(null, null, income ? INCOME_CATEGORY : null,
							income ? amount.negate() : amount));
				}
				continue;
			}
			LocalDate date = date(row.date, id + "date", errors);
			CostCategory category = income ? INCOME_CATEGORY : category(row.category, id + "category", errors);
			Money amount = money(row.amount, id + "amount", errors);
			if (date != null && category != null && amount != null) {
				lines.add(new Receipt(date, isBlank(row.description) ? null : row.description.strip(), category,
						income ? amount.negate() : amount));
				if (origins != null) {
					origins.add(new Origin(table, i));
				}
			}
		}
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			report(errors, field, "grant.error.date.missing");
			return null;
		}
		try {
			return GermanDay.parse(value);
		}
		catch (DateTimeParseException ex) {
			report(errors, field, "form.error.date");
			return null;
		}
	}

	private static CostCategory category(String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			report(errors, field, "grant.error.category");
			return null;
		}
		try {
			return CostCategory.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			report(errors, field, "form.error.choice");
			return null;
		}
	}

	private static Money money(String value, String field, Map<String, String> errors) {
		if (isBlank(value)) {
			report(errors, field, "form.error.amount.missing");
			return null;
		}
		BigDecimal amount = GermanMoney.parse(value);
		if (amount == null || amount.signum() <= 0) {
			report(errors, field, "grant.error.amount");
			return null;
		}
		return Money.of(amount);
	}

	private static void report(Map<String, String> errors, String field, String key) {
		if (errors != null) {
			errors.putIfAbsent(field, key);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	public String getReport() {
		return this.report;
	}

	public void setReport(String report) {
		this.report = report;
	}

	public List<Line> getReceipts() {
		return this.receipts;
	}

	public void setReceipts(List<Line> receipts) {
		this.receipts = receipts == null ? new ArrayList<>() : receipts;
	}

	public List<Line> getIncome() {
		return this.income;
	}

	public void setIncome(List<Line> income) {
		this.income = income == null ? new ArrayList<>() : income;
	}

}
