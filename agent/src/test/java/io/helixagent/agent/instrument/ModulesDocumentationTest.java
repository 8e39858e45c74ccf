package io.helixagent.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instrumentation module has a unique id and a row in the configuration reference. */
class ModulesDocumentationTest {
    @Test
    void shouldDocumentEveryModuleOnce() throws IOException {
        final String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        final List<String> ids = Modules.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique: " + ids);
        for (final String id : ids) {
            assertTrue(docs.contains("| `" + id + "` |"), "docs/configuration.md lacks module " + id);
        }
    }
}
