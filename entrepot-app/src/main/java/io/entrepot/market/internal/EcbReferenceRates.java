package io.entrepot.market.internal;

import io.entrepot.shared.CurrencyCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the European Central Bank's euro foreign exchange reference rates in the formats it publishes:
 * the CSV files ({@code eurofxref.csv}: {@code Date, USD, JPY, …} then {@code 25 November 2026, 1.05, …};
 * {@code eurofxref-hist.csv} with ISO dates and {@code N/A}) and the XML files ({@code gesmes:Envelope}
 * with {@code <Cube time="…"><Cube currency="USD" rate="…"/>}). Each rate is units of currency per euro.
 */
public final class EcbReferenceRates {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private EcbReferenceRates() {
    }

    /** One day's rates. */
    public record Publication(LocalDate date, Map<CurrencyCode, BigDecimal> rates) {
    }

    public static List<Publication> parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the rates file is empty");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.startsWith("<") ? parseXml(content) : parseCsv(text);
    }

    static List<Publication> parseCsv(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = cells(lines.getFirst());
        if (header.isEmpty() || !header.getFirst().equalsIgnoreCase("Date")) {
            throw new IllegalArgumentException("not an ECB rates CSV: the first column must be Date");
        }
        List<Publication> publications = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            LocalDate date = date(cells.getFirst(), i + 1);
            if (cells.size() > header.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.size() + " values, the header names " + header.size());
            }
            Map<CurrencyCode, BigDecimal> rates = new LinkedHashMap<>();
            for (int c = 1; c < header.size() && c < cells.size(); c++) {
                if (header.get(c).isEmpty() || cells.get(c).isEmpty() || cells.get(c).equalsIgnoreCase("N/A")) {
                    continue;
                }
                rates.put(currency(header.get(c)), rate(cells.get(c), header.get(c), i + 1));
            }
            publications.add(new Publication(date, rates));
        }
        return publications;
    }

    static List<Publication> parseXml(byte[] content) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            NodeList cubes = document.getElementsByTagNameNS("*", "Cube");
            List<Publication> publications = new ArrayList<>();
            for (int i = 0; i < cubes.getLength(); i++) {
                Element cube = (Element) cubes.item(i);
                if (!cube.hasAttribute("time")) {
                    continue;
                }
                LocalDate date = date(cube.getAttribute("time"), 0);
                Map<CurrencyCode, BigDecimal> rates = new LinkedHashMap<>();
                NodeList children = cube.getElementsByTagNameNS("*", "Cube");
                for (int j = 0; j < children.getLength(); j++) {
                    Element rate = (Element) children.item(j);
                    if (rate.hasAttribute("currency")) {
                        rates.put(currency(rate.getAttribute("currency")), rate(rate.getAttribute("rate"), rate.getAttribute("currency"), 0));
                    }
                }
                publications.add(new Publication(date, rates));
            }
            if (publications.isEmpty()) {
                throw new IllegalArgumentException("not an ECB rates XML file: no <Cube time=\"…\"> element");
            }
            return publications;
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the rates XML cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(cell.strip());
        }
        while (!cells.isEmpty() && cells.getLast().isEmpty()) {
            cells.removeLast();
        }
        return cells;
    }

    private static LocalDate date(String value, int line) {
        try {
            return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, LONG_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + "'" + value + "' is not a date");
        }
    }

    private static CurrencyCode currency(String code) {
        return CurrencyCode.of(code.strip());
    }

    private static BigDecimal rate(String value, String currency, int line) {
        try {
            BigDecimal rate = new BigDecimal(value.strip());
            if (rate.signum() <= 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + "the " + currency
                    + " rate '" + value + "' is not a positive number");
        }
    }
}
