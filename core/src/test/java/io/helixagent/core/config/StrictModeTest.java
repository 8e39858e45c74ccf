package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strict=true from every source turns problems into one ConfigException, and prints nothing. */
class StrictModeTest {
    private static final String ONE_PROBLEM = "1 configuration problem with strict=true: colour=blue: unknown key";

    private final Sources sources = new Sources();

    @TempDir
    Path dir;

    private String refusal(final String agentArgs) {
        final String message = assertThrows(ConfigException.class, () -> sources.load(agentArgs)).getMessage();
        assertEquals(List.of(), sources.warnings(), "strict mode prints nothing itself");
        return message;
    }

    @Test
    void shouldRefuseWhenStrictFromArgument() {
        assertEquals(ONE_PROBLEM, refusal("strict=true,colour=blue"));
    }

    @Test
    void shouldRefuseWhenStrictFromSystemProperty() {
        sources.property("helix.strict", "true");
        assertEquals(ONE_PROBLEM, refusal("colour=blue"));
    }

    @Test
    void shouldRefuseWhenStrictFromEnvironment() {
        sources.env("HELIX_STRICT", "TRUE");
        assertEquals(ONE_PROBLEM, refusal("colour=blue"));
    }

    @Test
    void shouldRefuseWhenStrictFromFile() throws IOException {
        final Path file = Files.writeString(dir.resolve("strict.properties"), "strict=true\n");
        assertEquals(ONE_PROBLEM, refusal("colour=blue,config=" + file));
    }

    @Test
    void shouldNameFirstProblemAndCountWhenStrictWithManyProblems() {
        sources.env("HELIX_JFR", "maybe").property("helix.metrics.port", "-1");
        assertEquals("4 configuration problems with strict=true, first: verbose: expected key=value",
            refusal("verbose,strict=true,report.interval=soon"));
    }

    @Test
    void shouldRefuseWhenConfigFileIsMissingAndStrict() {
        final Path missing = dir.resolve("missing.properties");
        assertEquals("1 configuration problem with strict=true: config=" + missing + ": no such file",
            refusal("strict=true,config=" + missing));
    }

    @Test
    void shouldLoadWhenStrictAndNoProblems() {
        final Config config = sources.load("strict=true,jfr=off");
        assertTrue(config.bool(CoreKeys.STRICT));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldWarnInsteadWhenStrictValueIsItselfInvalid() {
        sources.load("strict=yes,jfr=maybe");
        assertEquals(List.of("helix-agent: ignoring strict=yes: expected true or false",
            "helix-agent: ignoring jfr=maybe: expected one of on, off"), sources.warnings());
    }

    @Test
    void shouldRefuseWhenStrictWinsOverLowerFalse() {
        sources.env("HELIX_STRICT", "false");
        assertEquals(ONE_PROBLEM, refusal("strict=true,colour=blue"));
    }
}
