package io.helixagent.core.config;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of every value type, in one place. Numbers are parsed as big numbers so that a huge value is
 * reported as out of range by the key, never as a silent overflow. Each parser takes trimmed, non-empty text
 * and throws {@link IllegalArgumentException} whose message is the reason, fit for a warning line.
 */
final class ConfigValues {
    /** Given values longer than this are cut in warning lines, so one bad input stays one short line. */
    static final int MAX_PRINTABLE_CHARS = 100;
    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;
    private static final long GIB = MIB * KIB;
    private static final long SECOND_MS = 1000;
    private static final long MINUTE_MS = 60 * SECOND_MS;
    private static final long HOUR_MS = 60 * MINUTE_MS;
    private static final Map<String, Long> DURATION_UNITS =
        Map.of("ms", 1L, "s", SECOND_MS, "m", MINUTE_MS, "h", HOUR_MS);
    private static final Map<String, Long> SIZE_UNITS = Map.of("", 1L, "k", KIB, "m", MIB, "g", GIB);
    private static final Pattern AMOUNT_WITH_UNIT = Pattern.compile("(-?)(\\d+)([a-zA-Z]*)");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern RATIO = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)%?");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(1_000_000_000L);

    private ConfigValues() {
    }

    /** A whole number, any size: the key checks its range. */
    static BigInteger integer(final String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw invalid("not an integer");
        }
        return new BigInteger(text);
    }

    /** A duration in milliseconds: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, or {@code 0}. */
    static BigInteger durationMillis(final String text) {
        return scaled(text, DURATION_UNITS, "duration", "250ms, 10s, 5m, 1h", "ms, s, m or h");
    }

    /** A size in bytes: {@code 4096}, {@code 512k}, {@code 1m}, {@code 1g} (binary multiples). */
    static BigInteger bytes(final String text) {
        return scaled(text, SIZE_UNITS, "size", "4096, 512k, 1m, 1g", "k, m or g");
    }

    /** A ratio within [0, 1]: {@code 0.8} or {@code 80%}. */
    static double ratio(final String text) {
        if (!RATIO.matcher(text).matches()) {
            throw invalid("not a ratio (such as 0.8 or 80%)");
        }
        final boolean percent = text.endsWith("%");
        final BigDecimal number = new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
        final BigDecimal ratio = percent ? number.divide(HUNDRED) : number;
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw invalid("out of range (0 to 1, or 0% to 100%)");
        }
        return ratio.doubleValue();
    }

    /** A non-negative decimal number of ordinary size: {@code 0.1}, {@code 16}. */
    static double decimal(final String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw invalid("not a decimal number (such as 0.5 or 16)");
        }
        final BigDecimal number = new BigDecimal(text);
        if (number.signum() < 0) {
            throw invalid("negative");
        }
        if (number.compareTo(MAX_DECIMAL) > 0) {
            throw invalid("too large");
        }
        return number.doubleValue();
    }

    /** {@code true} or {@code false}, in any letter case. */
    static boolean bool(final String text) {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw invalid("expected true or false");
    }

    /** The items of a comma list, trimmed, empty ones dropped. */
    static List<String> list(final String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** A path, a leading {@code ~} (alone or before a separator) replaced by the home directory. */
    static Path path(final String text, final String userHome) {
        if (text.equals("~")) {
            return Path.of(userHome);
        }
        if (text.startsWith("~/") || text.startsWith("~" + File.separator)) {
            return Path.of(userHome, text.substring(2));
        }
        return Path.of(text);
    }

    /** A size in its largest exact unit, as a user would write it: {@code 65536} gives {@code 64k}. */
    static String formatBytes(final long bytes) {
        return largestUnit(bytes, new long[] {GIB, MIB, KIB}, new String[] {"g", "m", "k"}, "");
    }

    /** A duration in its largest exact unit, as a user would write it: {@code 60000} gives {@code 1m}. */
    static String formatMillis(final long millis) {
        return largestUnit(millis, new long[] {HOUR_MS, MINUTE_MS, SECOND_MS}, new String[] {"h", "m", "s"}, "ms");
    }

    /** The text with control characters escaped and cut after about maxChars: safe in one line. */
    static String printable(final String text, final int maxChars) {
        final StringBuilder out = new StringBuilder();
        int next = 0;
        while (next < text.length() && out.length() < maxChars) {
            final char c = text.charAt(next++);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return next < text.length() ? out + "..." : out.toString();
    }

    /** The reason for a bad value, as the exception every parser throws. */
    static IllegalArgumentException invalid(final String reason) {
        return new IllegalArgumentException(reason);
    }

    private static BigInteger scaled(final String text, final Map<String, Long> units, final String kind,
                                     final String examples, final String unitNames) {
        final Matcher matcher = AMOUNT_WITH_UNIT.matcher(text);
        if (!matcher.matches()) {
            throw invalid("not a " + kind + " (such as " + examples + ")");
        }
        if (!matcher.group(1).isEmpty()) {
            throw invalid("negative " + kind);
        }
        final BigInteger amount = new BigInteger(matcher.group(2));
        final String unit = matcher.group(3).toLowerCase(Locale.ROOT);
        final Long factor = units.get(unit);
        if (factor != null) {
            return amount.multiply(BigInteger.valueOf(factor));
        }
        if (unit.isEmpty()) {
            if (amount.signum() == 0) {
                return BigInteger.ZERO;
            }
            throw invalid("missing unit (" + unitNames + ")");
        }
        throw invalid("unknown unit '" + unit + "' (" + unitNames + ")");
    }

    private static String largestUnit(final long amount, final long[] factors, final String[] names,
                                      final String baseName) {
        for (int i = 0; i < factors.length; i++) {
            if (amount != 0 && amount % factors[i] == 0) {
                return amount / factors[i] + names[i];
            }
        }
        return amount + baseName;
    }
}
