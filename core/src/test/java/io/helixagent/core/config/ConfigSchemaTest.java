package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key declarations, schema building and the core keys as SPEC lists them. */
class ConfigSchemaTest {
    private static String rejection(final Executable declaration) {
        return assertThrows(IllegalArgumentException.class, declaration).getMessage();
    }

    @Test
    void shouldRejectInvalidDefaultWhenDeclaringKey() {
        assertEquals("x.port: invalid default 70000: out of range (0 to 65535)",
            rejection(() -> ConfigKey.integer("x.port", "70000", 0, 65535, "a port")));
        assertEquals("x.mode: invalid default loud: expected one of on, off",
            rejection(() -> ConfigKey.enumeration("x.mode", "loud", "a mode", "on", "off")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Report.dir", "report..dir", "report_dir", ".report", "report.", "report dir"})
    void shouldRejectInvalidKeyName(final String name) {
        assertTrue(rejection(() -> ConfigKey.path(name, null, "a path")).startsWith("invalid key name"));
    }

    @Test
    void shouldRejectDeclarationMistakes() {
        assertEquals("x: the description must be one non-empty line",
            rejection(() -> ConfigKey.bool("x", "true", "two\nlines")));
        assertEquals("x: min 10 above max 1", rejection(() -> ConfigKey.integer("x", null, 10, 1, "a number")));
        assertEquals("x: duration bounds must be whole milliseconds",
            rejection(() -> ConfigKey.duration("x", null, Duration.ofNanos(1), Duration.ofSeconds(1), "a time")));
        assertEquals("x: an enumeration needs allowed values", rejection(() -> ConfigKey.enumeration("x", null, "e")));
        assertEquals("jfr is ENUM, not LIST", rejection(() -> CoreKeys.JFR.withItemValidator(item -> true, "any")));
    }

    @Test
    void shouldCheckDefaultAgainstInjectedItemValidator() {
        assertEquals("detectors: invalid default all: bad item 'all': expected a detector id",
            rejection(() -> CoreKeys.DETECTORS.withItemValidator("pool.saturation"::equals, "a detector id")));
    }

    @Test
    void shouldRejectDuplicateKey() {
        assertEquals("duplicate key jfr",
            rejection(() -> ConfigSchema.builder().addAll(CoreKeys.all()).add(CoreKeys.JFR)));
    }

    @Test
    void shouldRejectKeysSharingEnvironmentVariable() {
        final ConfigSchema.Builder builder = ConfigSchema.builder().add(ConfigKey.bool("a.b-c", "true", "one"))
            .add(ConfigKey.bool("a-b.c", "true", "two"));
        assertEquals("a-b.c and a.b-c would share the environment variable HELIX_A_B_C", rejection(builder::build));
    }

    @Test
    void shouldReplaceOnlyExistingKeyOfSameType() {
        assertEquals("no key detectors to replace",
            rejection(() -> ConfigSchema.builder().replace(CoreKeys.detectorsKey(id -> true))));
        assertEquals("jfr is ENUM, not BOOLEAN", rejection(() -> ConfigSchema.builder().addAll(CoreKeys.all())
            .replace(ConfigKey.bool("jfr", "true", "a switch"))));
        final ConfigKey replacement = CoreKeys.detectorsKey(id -> true);
        final ConfigSchema schema = ConfigSchema.builder().addAll(CoreKeys.all()).replace(replacement).build();
        assertEquals(Optional.of(replacement), schema.find("detectors"));
        assertEquals(CoreKeys.all().indexOf(CoreKeys.DETECTORS), schema.keys().indexOf(replacement));
    }

    @Test
    void shouldKeepKeysInOrderAndFindThemByNameAndVariable() {
        final ConfigSchema schema = Sources.CORE;
        assertEquals(CoreKeys.all(), schema.keys());
        assertEquals(Optional.of(CoreKeys.RECOVERY_HEAP_DUMP), schema.find("recovery.heap-dump"));
        assertEquals(Optional.empty(), schema.find("recovery"));
        assertEquals(CoreKeys.RECOVERY_HEAP_DUMP, schema.findByEnvironmentName("HELIX_RECOVERY_HEAP_DUMP"));
        assertThrows(UnsupportedOperationException.class, () -> schema.keys().add(CoreKeys.JFR));
    }

    @Test
    void shouldDeclareSpecKeysInSpecOrderWithSpecDefaults() {
        final List<String> declared = CoreKeys.all().stream()
            .map(key -> key.name() + " " + key.type() + " " + key.defaultValue()).toList();
        assertEquals(List.of("app.name STRING null", "report.dir PATH helix-reports",
            "report.formats LIST json,html,md", "report.interval DURATION 60s", "baseline.dir PATH ~/.helix/baselines",
            "baseline.mode ENUM auto", "startup.ready STRING null", "detectors LIST all", "instrument LIST all",
            "jfr ENUM on", "metrics.port INT null", "metrics.host STRING 127.0.0.1",
            "recovery.heap-dump BOOLEAN false", "recovery.cache-clear BOOLEAN false",
            "recovery.jfr-dump BOOLEAN false", "log.level ENUM warn", "log.file PATH null", "config PATH null",
            "strict BOOLEAN false", "pipeline.buffer BYTES 1m"), declared);
        assertEquals(List.of("auto", "compare", "record", "off"), CoreKeys.BASELINE_MODE.allowedValues());
        assertEquals(List.of("error", "warn", "info", "debug"), CoreKeys.LOG_LEVEL.allowedValues());
    }
}
