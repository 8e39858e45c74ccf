package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax of every value type, good and bad, with the exact reasons users see. */
class ConfigValuesTest {
    private static final ConfigKey DURATION = ConfigKey.duration("test.duration", null, "a duration");
    private static final ConfigKey BOUNDED_DURATION =
        ConfigKey.duration("test.bounded", null, Duration.ofSeconds(1), Duration.ofHours(1), "a bounded duration");
    private static final ConfigKey RATIO = ConfigKey.ratio("test.ratio", null, "a ratio");
    private static final ConfigKey PATH = ConfigKey.path("test.path", null, "a path");

    static String reason(final ConfigKey key, final String text) {
        return assertThrows(IllegalArgumentException.class, () -> key.parse(text)).getMessage();
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250", "10s, 10000", "5m, 300000", "1h, 3600000", "0, 0", "0s, 0", "10S, 10000",
        "' 5m ', 300000", "9223372036854ms, 9223372036854"})
    void shouldParseDurationsWithEveryUnit(final String text, final long millis) {
        assertEquals(Duration.ofMillis(millis), DURATION.parse(text));
    }

    @Test
    void shouldRejectNegativeDurationWhenParsing() {
        assertEquals("negative duration", reason(DURATION, "-5s"));
        assertEquals("negative duration", reason(DURATION, "-1"));
    }

    @Test
    void shouldRejectDurationWithoutUnitUnlessZero() {
        assertEquals("missing unit (ms, s, m or h)", reason(DURATION, "10"));
    }

    @Test
    void shouldRejectDurationWithUnknownUnit() {
        assertEquals("unknown unit 'd' (ms, s, m or h)", reason(DURATION, "2d"));
        assertEquals("unknown unit 'sec' (ms, s, m or h)", reason(DURATION, "10sec"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5s", "abc", "10 s", "s", "PT10S", "1h30m", "+5s"})
    void shouldRejectGarbageDuration(final String text) {
        assertEquals("not a duration (such as 250ms, 10s, 5m, 1h)", reason(DURATION, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036855ms", "2562048h", "99999999999999999999999999h"})
    void shouldRejectDurationTooLargeForNanoseconds(final String text) {
        assertEquals("too large", reason(DURATION, text));
    }

    @Test
    void shouldRejectDurationOutsideBoundsOfKey() {
        assertEquals("out of range (1s to 1h)", reason(BOUNDED_DURATION, "999ms"));
        assertEquals("out of range (1s to 1h)", reason(BOUNDED_DURATION, "61m"));
        assertEquals(Duration.ofHours(1), BOUNDED_DURATION.parse("60m"));
    }

    @ParameterizedTest
    @CsvSource({"0.8, 0.8", "80%, 0.8", "0, 0", "1, 1", "100%, 1", "0%, 0", ".5, 0.5", "1.0, 1", "12.5%, 0.125",
        "1., 1"})
    void shouldParseRatiosAsFractionOrPercent(final String text, final double expected) {
        assertEquals(expected, (Double) RATIO.parse(text), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.01", "150%", "100.1%", "2", "-0.1", "-5%", "99999999999999999999"})
    void shouldRejectRatioOutsideZeroToOne(final String text) {
        assertEquals("out of range (0 to 1, or 0% to 100%)", reason(RATIO, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "1e-1", "80 %", "%", "0.8f", "0x1", "80%%"})
    void shouldRejectGarbageRatio(final String text) {
        assertEquals("not a ratio (such as 0.8 or 80%)", reason(RATIO, text));
    }

    @Test
    void shouldParseBooleansInAnyLetterCase() {
        assertEquals(true, CoreKeys.STRICT.parse("TRUE"));
        assertEquals(false, CoreKeys.STRICT.parse("False"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "t", "truee"})
    void shouldRejectOtherBooleanWords(final String text) {
        assertEquals("expected true or false", reason(CoreKeys.STRICT, text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "65535, 65535", "+8080, 8080", "08080, 8080"})
    void shouldParseIntegerWithinRange(final String text, final int expected) {
        assertEquals(expected, CoreKeys.METRICS_PORT.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "2147483648", "99999999999999999999999"})
    void shouldRejectIntegerOutOfRange(final String text) {
        assertEquals("out of range (0 to 65535)", reason(CoreKeys.METRICS_PORT, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"80.0", "0x50", "eighty", "8 080", "--1"})
    void shouldRejectNonInteger(final String text) {
        assertEquals("not an integer", reason(CoreKeys.METRICS_PORT, text));
    }

    @ParameterizedTest
    @CsvSource({"65536, 65536", "64k, 65536", "512K, 524288", "1m, 1048576", "256M, 268435456"})
    void shouldParseSizesWithBinaryUnits(final String text, final long bytes) {
        assertEquals(bytes, CoreKeys.PIPELINE_BUFFER.parse(text));
    }

    @Test
    void shouldParseGigabytesAndPlainBytesWithinWideBounds() {
        final ConfigKey wide = ConfigKey.bytes("test.size", null, 0, Long.MAX_VALUE, "a size");
        assertEquals(1L << 30, wide.parse("1g"));
        assertEquals(4096L, wide.parse("4096"));
        assertEquals("out of range (0 to 9223372036854775807)", reason(wide, "99999999999g"));
    }

    @Test
    void shouldRejectBadSizes() {
        assertEquals("negative size", reason(CoreKeys.PIPELINE_BUFFER, "-64k"));
        assertEquals("unknown unit 'kb' (k, m or g)", reason(CoreKeys.PIPELINE_BUFFER, "64kb"));
        assertEquals("unknown unit 't' (k, m or g)", reason(CoreKeys.PIPELINE_BUFFER, "1t"));
        assertEquals("not a size (such as 4096, 512k, 1m, 1g)", reason(CoreKeys.PIPELINE_BUFFER, "1.5m"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"32k", "512m", "1g", "0", "99999999999999g"})
    void shouldRejectSizeOutOfRange(final String text) {
        assertEquals("out of range (64k to 256m)", reason(CoreKeys.PIPELINE_BUFFER, text));
    }

    @Test
    void shouldRejectSizeNotPowerOfTwo() {
        assertEquals("not a power of two", reason(CoreKeys.PIPELINE_BUFFER, "96k"));
        assertEquals("not a power of two", reason(CoreKeys.PIPELINE_BUFFER, "100000"));
    }

    @Test
    void shouldTrimListItemsAndDropEmptyOnes() {
        assertEquals(List.of("json", "md"), CoreKeys.REPORT_FORMATS.parse(" json ,, md , "));
    }

    @Test
    void shouldRejectListWithoutItems() {
        assertEquals("empty list", reason(CoreKeys.REPORT_FORMATS, ", ,"));
    }

    @Test
    void shouldRejectUnknownListItem() {
        assertEquals("bad item 'xml': expected one of json, html, md", reason(CoreKeys.REPORT_FORMATS, "json,xml"));
        assertEquals("bad item '" + "x".repeat(40) + "...': expected one of json, html, md",
            reason(CoreKeys.REPORT_FORMATS, "x".repeat(41)));
    }

    @Test
    void shouldMatchFixedItemsAndEnumsInAnyCaseKeepingDeclaredSpelling() {
        assertEquals(List.of("json", "html"), CoreKeys.REPORT_FORMATS.parse("JSON,Html"));
        assertEquals("off", CoreKeys.BASELINE_MODE.parse("OFF"));
    }

    @Test
    void shouldRejectUnknownEnumValue() {
        assertEquals("expected one of auto, compare, record, off", reason(CoreKeys.BASELINE_MODE, "save"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.App#ready", "App#ready", "a.b.Outer$Inner#m", "x.y.Z#run$1"})
    void shouldAcceptClassAndMethodForStartupReady(final String text) {
        assertEquals(text, CoreKeys.STARTUP_READY.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.App", "#ready", "com.acme.App#", "a..b#m", "a.b#m()", "a.b.C#m#n", "1a.B#m"})
    void shouldRejectStartupReadyWithoutClassAndMethod(final String text) {
        assertEquals("expected pkg.Class#method", reason(CoreKeys.STARTUP_READY, text));
    }

    @Test
    void shouldRejectPathWithNulCharacter() {
        assertEquals("not a valid path (Nul character not allowed)", reason(PATH, "a\0b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void shouldRejectEmptyValueForEveryType(final String text) {
        for (final ConfigKey key : List.of(DURATION, RATIO, PATH, CoreKeys.STRICT, CoreKeys.METRICS_PORT,
            CoreKeys.PIPELINE_BUFFER, CoreKeys.REPORT_FORMATS, CoreKeys.JFR, CoreKeys.APP_NAME)) {
            assertEquals("empty value", reason(key, text), key.name());
        }
    }

    @Test
    void shouldEscapeControlCharactersAndCutLongTextWhenPrintable() {
        assertEquals("a\\nb\\rc\\td\\u0000", ConfigValues.printable("a\nb\rc\td\0", 100));
        assertEquals("x".repeat(100), ConfigValues.printable("x".repeat(100), 100));
        assertEquals("x".repeat(100) + "...", ConfigValues.printable("x".repeat(101), 100));
    }
}
