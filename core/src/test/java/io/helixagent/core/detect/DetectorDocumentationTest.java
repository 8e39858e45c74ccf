package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.engine.DetectorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/detectors.md lists every detector setting with its default, as the code declares it. */
class DetectorDocumentationTest {
    @Test
    void shouldDocumentEveryDetectorParameterWithItsDefault() throws IOException {
        final String docs = Files.readString(Path.of("..", "docs", "detectors.md"));
        for (final ConfigKey key : DetectorCatalog.standard().parameters()) {
            final String row = "| `" + key.name() + "` | `" + key.defaultValue() + "` | " + key.description() + " |";
            assertTrue(docs.contains(row), "docs/detectors.md lacks the row: " + row);
        }
    }
}
