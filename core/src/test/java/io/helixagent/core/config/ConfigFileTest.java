package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The properties file: every way it can be unusable is one warning line, and the rest still loads. */
class ConfigFileTest {
    private final Sources sources = new Sources();

    @TempDir
    Path dir;

    private Path write(final String name, final byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private List<String> warningsLoading(final Path file) {
        final Config config = sources.load("config=" + file + ",jfr=off");
        assertEquals("off", config.string(CoreKeys.JFR), "the arguments still apply");
        return sources.warnings();
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsMissing() {
        final Path missing = dir.resolve("missing.properties");
        assertEquals(List.of("helix-agent: ignoring config=" + missing + ": no such file"), warningsLoading(missing));
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsDirectory() {
        assertEquals(List.of("helix-agent: ignoring config=" + dir + ": is a directory"), warningsLoading(dir));
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsNotRegularFile() {
        final Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "needs /dev/null");
        assertEquals(List.of("helix-agent: ignoring config=/dev/null: not a regular file"), warningsLoading(device));
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsUnreadable() throws IOException {
        final Path file = write("secret.properties", "jfr=on\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "root reads files whatever their permissions");
        assertEquals(List.of("helix-agent: ignoring config=" + file + ": permission denied"), warningsLoading(file));
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsBinary() throws IOException {
        final Path file = write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        assertEquals(List.of("helix-agent: ignoring config=" + file + ": binary file, not a properties file"),
            warningsLoading(file));
    }

    @Test
    void shouldWarnOnceWhenConfigFileIsTooLarge() throws IOException {
        final byte[] content = new byte[ConfigFile.MAX_FILE_BYTES + 1];
        Arrays.fill(content, (byte) '#');
        final Path file = write("huge.properties", content);
        assertEquals(List.of("helix-agent: ignoring config=" + file + ": larger than 1m"), warningsLoading(file));
    }

    @Test
    void shouldWarnOnceWhenConfigFileHasNoKnownKeys() throws IOException {
        final Path file = write("helix.json", "{\n  \"jfr\": \"off\",\n  \"strict\": true\n}\n".getBytes(
            StandardCharsets.UTF_8));
        assertEquals(List.of("helix-agent: ignoring config=" + file
            + ": no helix-agent keys in it, not a helix-agent properties file"), warningsLoading(file));
    }

    @Test
    void shouldWarnOnceWhenConfigFileHasMalformedEscape() throws IOException {
        final Path file = write("bad.properties", "jfr=on\napp.name=\\u12\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("helix-agent: ignoring config=" + file
            + ": not a properties file (Malformed \\uxxxx encoding.)"), warningsLoading(file));
    }

    @Test
    void shouldReadFileThatIsNotUtf8AsLatin1() throws IOException {
        final Path file = write("latin1.properties", "app.name=Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Caf\u00e9", sources.load("config=" + file).string(CoreKeys.APP_NAME));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldReadUtf8FileWithByteOrderMark() throws IOException {
        final Path file = write("bom.properties", "\uFEFFapp.name=Caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("Caf\u00e9", sources.load("config=" + file).string(CoreKeys.APP_NAME));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldAcceptEmptyFile() throws IOException {
        assertEquals(List.of(), warningsLoading(write("empty.properties", new byte[0])));
    }

    @Test
    void shouldWarnAboutBadEntriesInFileAndKeepGoodOnes() throws IOException {
        final Path file = write("mixed.properties",
            "log.level=loud\ncolour=blue\nreport.dir=out\n".getBytes(StandardCharsets.UTF_8));
        final Config config = sources.load("config=" + file);
        assertEquals("out", config.string(CoreKeys.REPORT_DIR));
        assertEquals("warn", config.string(CoreKeys.LOG_LEVEL));
        assertEquals(List.of("helix-agent: ignoring colour=blue: unknown key (in " + file + ")",
            "helix-agent: ignoring log.level=loud: expected one of error, warn, info, debug (in " + file + ")"),
            sources.warnings());
    }

    @Test
    void shouldRefuseConfigKeyInsideFile() throws IOException {
        final Path other = write("other.properties", "jfr=off\n".getBytes(StandardCharsets.UTF_8));
        final Path file = write("main.properties", ("config=" + other + "\nlog.level=info\n").getBytes(
            StandardCharsets.UTF_8));
        final Config config = sources.load("config=" + file);
        assertEquals("on", config.string(CoreKeys.JFR));
        assertEquals("info", config.string(CoreKeys.LOG_LEVEL));
        assertEquals(List.of("helix-agent: ignoring config=" + other
            + ": a configuration file cannot name another one (in " + file + ")"), sources.warnings());
    }

    @Test
    void shouldExpandHomeInConfigPath() throws IOException {
        write("home.properties", "jfr=off\n".getBytes(StandardCharsets.UTF_8));
        final Config config = sources.property("user.home", dir.toString()).load("config=~/home.properties");
        assertEquals("off", config.string(CoreKeys.JFR));
        assertEquals("file ~/home.properties", config.source(CoreKeys.JFR));
    }
}
