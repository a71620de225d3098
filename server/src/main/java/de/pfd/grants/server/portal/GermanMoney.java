package de.pfd.grants.server.portal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import de.pfd.grants.shared.money.Money;

/**
 * Euro amounts as people in Germany type them: {@code 1.234,56}, {@code 1234,5},
 * {@code 1234} (also {@code 1234.56}, a point before exactly two digits at the end); at
 * most two decimals, nothing rounded.
 */
public final class GermanMoney {

	private static final Pattern GERMAN = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+(,\\d{1,2})?");

	private static final Pattern POINT = Pattern.compile("\\d+\\.\\d{1,2}");

	private GermanMoney() {
	}

	/** The amount typed, or null if it is not one. */
	public static BigDecimal parse(String typed) {
		String s = typed.strip().replace("€", "").replace("\u00a0", "").replace(" ", "");
		if (s.length() > 16) {
			return null;
		}
		if (GERMAN.matcher(s).matches()) {
			return new BigDecimal(s.replace(".", "").replace(',', '.')).setScale(2);
		}
		if (POINT.matcher(s).matches()) {
			return new BigDecimal(s).setScale(2);
		}
		return null;
	}

	/** The amount as the form shows it: {@code 1.234,56}. */
	public static String format(Money money) {
		if (money == null) {
			return null;
		}
		java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.GERMANY);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(money.amount());
	}

}
