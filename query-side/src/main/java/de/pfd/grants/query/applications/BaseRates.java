package de.pfd.grants.query.applications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The base rate (Basiszinssatz, § 247 BGB) per half year as data: the published rates
 * shipped in {@code interest/base-rates.csv} (Deutsche Bundesbank, Basiszinssatz nach §
 * 247 BGB), extended or corrected by configured {@code date=rate} pairs. A rate holds
 * from its day until the next one; before the first day the first rate holds.
 */
public final class BaseRates {

	static final String RESOURCE = "/interest/base-rates.csv";

	private final NavigableMap<LocalDate, BigDecimal> ratesFrom;

	private BaseRates(NavigableMap<LocalDate, BigDecimal> ratesFrom) {
		if (ratesFrom.isEmpty()) {
			throw new IllegalArgumentException("no base rate");
		}
		this.ratesFrom = Collections.unmodifiableNavigableMap(ratesFrom);
	}

	/** Rates in percent from each day on. */
	public static BaseRates of(Map<LocalDate, BigDecimal> ratesFrom) {
		return new BaseRates(new TreeMap<>(ratesFrom));
	}

	/**
	 * The shipped table, with the configured pairs ({@code 2026-07-01=1.27,...}; blank:
	 * none) added or replacing the shipped rate of their day.
	 */
	public static BaseRates published(String configured) {
		TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();
		try (InputStream in = BaseRates.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String row = line.strip();
				if (row.isEmpty() || row.startsWith("#") || row.startsWith("valid_from")) {
					continue;
				}
				put(rates, row, ",");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (configured != null) {
			for (String pair : configured.split("[,;\\s]+")) {
				if (!pair.isBlank()) {
					put(rates, pair, "=");
				}
			}
		}
		return new BaseRates(rates);
	}

	private static void put(Map<LocalDate, BigDecimal> rates, String row, String separator) {
		String[] parts = row.split(separator, -1);
		if (parts.length != 2) {
			throw new IllegalArgumentException("a base rate is written day" + separator + "percent: " + row);
		}
		rates.put(LocalDate.parse(parts[0].strip()), new BigDecimal(parts[1].strip()));
	}

	/** The base rate in percent on the day. */
	public BigDecimal on(LocalDate day) {
		Map.Entry<LocalDate, BigDecimal> entry = this.ratesFrom.floorEntry(day);
		return entry == null ? this.ratesFrom.firstEntry().getValue() : entry.getValue();
	}

	/**
	 * The days after {@code from} up to and including {@code to} on which the rate
	 * changes.
	 */
	NavigableMap<LocalDate, BigDecimal> changesAfter(LocalDate from, LocalDate to) {
		return this.ratesFrom.subMap(from, false, to, true);
	}

}
