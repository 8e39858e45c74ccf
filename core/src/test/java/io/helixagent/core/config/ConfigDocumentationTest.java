package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user reference documents every core key, so that a key added in code cannot go undocumented. */
class ConfigDocumentationTest {
    /** Relative to the core module, where Maven runs its tests. */
    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

    @Test
    void shouldDocumentEveryCoreKeyInBackticks() throws IOException {
        final String reference = Files.readString(REFERENCE);
        final List<String> missing = CoreKeys.all().stream().map(ConfigKey::name)
            .filter(name -> !reference.contains("`" + name + "`")).toList();
        assertEquals(List.of(), missing, "keys missing from " + REFERENCE);
    }
}
