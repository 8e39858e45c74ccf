package io.helixagent.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.helixagent.core.detect.Severity;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    private static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @TempDir
    Path temp;

    @Test
    void shouldWriteEachFormatUnderItsNameInFormatOrderWhenFormatsGivenInAnyOrder() throws IOException {
        final Report report = ReportFixtures.full();
        final Set<ReportFormat> formats = new LinkedHashSet<>(List.of(ReportFormat.MD, ReportFormat.JSON,
            ReportFormat.HTML));

        final List<Path> written = ReportFiles.write(report, temp, "shop", 4242, formats);

        assertEquals(List.of(temp.resolve("helix-report-shop-4242.json"), temp.resolve("helix-report-shop-4242.html"),
            temp.resolve("helix-report-shop-4242.md")), written);
        for (final ReportFormat format : ALL) {
            assertEquals(format.renderer().render(report), Files.readString(written.get(format.ordinal())));
        }
        assertEquals(Set.of("helix-report-shop-4242.json", "helix-report-shop-4242.html", "helix-report-shop-4242.md"),
            list(temp));
    }

    @Test
    void shouldWriteOnlyRequestedFormatsWhenSubsetGiven() throws IOException {
        final List<Path> written = ReportFiles.write(ReportFixtures.full(), temp, "shop", 7, Set.of(ReportFormat.MD));

        assertEquals(List.of(temp.resolve("helix-report-shop-7.md")), written);
        assertEquals(Set.of("helix-report-shop-7.md"), list(temp));
    }

    @Test
    void shouldReplaceFileByRenameAndLeaveNoTemporaryFileWhenWrittenTwice() throws IOException {
        final Report first = ReportFixtures.full();
        final Report second = ReportFixtures.report(
            List.of(ReportFixtures.finding("gc.overhead", Severity.WARNING, "G1", true)), List.of());
        final Path json = ReportFiles.write(first, temp, "shop", 1, ALL).get(0);
        final Path earlierReader = Files.createLink(temp.resolve("reader-holds-first.json"), json);

        ReportFiles.write(second, temp, "shop", 1, ALL);

        assertEquals(ReportFormat.JSON.renderer().render(second), Files.readString(json));
        // a rename leaves the old file to whoever still has it; rewriting in place would have changed it too
        assertEquals(ReportFormat.JSON.renderer().render(first), Files.readString(earlierReader));
        assertEquals(Set.of("helix-report-shop-1.json", "helix-report-shop-1.html", "helix-report-shop-1.md",
            "reader-holds-first.json"), list(temp));
    }

    @Test
    void shouldMakeFilesOwnerOnlyWhenReplacingReadableOnes() throws IOException {
        assumePosix();
        final Path old = Files.writeString(temp.resolve("helix-report-shop-1.md"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-rw-"));

        for (final Path file : ReportFiles.write(ReportFixtures.full(), temp, "shop", 1, ALL)) {
            assertEquals(OWNER_READ_WRITE, Files.getPosixFilePermissions(file), file::toString);
        }
    }

    @Test
    void shouldCreateMissingDirectoriesOwnerOnlyWhenWriting() throws IOException {
        assumePosix();
        final Path dir = temp.resolve("reports").resolve("nested");

        final List<Path> written = ReportFiles.write(ReportFixtures.full(), dir, "shop", 1, ALL);

        assertEquals(dir, written.get(0).getParent());
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dir));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dir.getParent()));
    }

    @Test
    void shouldLeaveDirectoryPermissionsAsTheyAreWhenDirectoryExists() throws IOException {
        assumePosix();
        final Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(temp, shared);

        ReportFiles.write(ReportFixtures.full(), temp, "shop", 1, ALL);

        assertEquals(shared, Files.getPosixFilePermissions(temp));
    }

    @Test
    void shouldReplaceUnsafeCharactersWhenAppNameHasThem() throws IOException {
        final List<Path> written = ReportFiles.write(ReportFixtures.full(), temp, "../my app/\u00fc\uD83D\uDE00:x", 9,
            Set.of(ReportFormat.JSON));

        assertEquals(List.of(temp.resolve("helix-report-.._my_app____x-9.json")), written);
        assertEquals(Set.of("helix-report-.._my_app____x-9.json"), list(temp));
        assertEquals("Order-Service_v1.2", ReportFiles.sanitize("Order-Service_v1.2"));
    }

    @Test
    void shouldThrowAndLeaveNothingWhenDirectoryIsARegularFile() throws IOException {
        final Path file = Files.writeString(temp.resolve("reports"), "keep");

        assertThrows(IOException.class, () -> ReportFiles.write(ReportFixtures.full(), file, "shop", 1, ALL));
        assertThrows(IOException.class,
            () -> ReportFiles.write(ReportFixtures.full(), file.resolve("sub"), "shop", 1, ALL));

        assertEquals(Set.of("reports"), list(temp));
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void shouldDeleteTemporaryFileWhenRenameFails() throws IOException {
        final Path inTheWay = Files.createDirectories(temp.resolve("helix-report-shop-1.json").resolve("child"));

        assertThrows(IOException.class, () -> ReportFiles.write(ReportFixtures.full(), temp, "shop", 1, ALL));

        assertEquals(Set.of("helix-report-shop-1.json"), list(temp));
        assertEquals(Set.of("child"), list(inTheWay.getParent()));
    }

    @Test
    void shouldReturnAbsolutePathsWhenDirectoryIsRelative() throws IOException {
        final Path relative = Path.of("").toAbsolutePath().relativize(temp.resolve("relative"));

        final List<Path> written = ReportFiles.write(ReportFixtures.full(), relative, "shop", 1, ALL);

        assertTrue(written.get(0).isAbsolute(), written.get(0)::toString);
        assertTrue(Files.isSameFile(temp.resolve("relative").resolve("helix-report-shop-1.json"), written.get(0)));
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    private static Set<String> list(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
