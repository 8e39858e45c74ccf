package io.helixagent.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes report files as SPEC section 4 names them, {@code <dir>/helix-report-<app>-<pid>.<ext>}, so that a reader
 * (a user, a CI script, a test polling for the file) only ever sees a complete report: each file is written to a
 * temporary file in the same directory, then renamed over the old one. Reports can hold class names, hosts and
 * figures of the host application, so the files are readable by their owner only (POSIX), and so is a directory
 * created here. The rename is not followed by an fsync: the report is rewritten every interval and at exit, so a
 * power loss costs at most one report, never the application's time.
 */
public final class ReportFiles {
    private static final String POSIX_VIEW = "posix";
    private static final FileAttribute<?>[] NO_ATTRIBUTES = new FileAttribute<?>[0];
    private static final FileAttribute<?>[] OWNER_ONLY_FILE =
        {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    private static final FileAttribute<?>[] OWNER_ONLY_DIRECTORY =
        {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};

    private ReportFiles() {
    }

    /**
     * Renders and writes the report in each format asked for, replacing the files of an earlier report.
     *
     * @param report  the report.
     * @param dir     the report directory; created (owner-only) if missing, an existing one is left as it is.
     * @param app     the application name; characters outside {@code [A-Za-z0-9._-]} become {@code _}.
     * @param pid     the host's process id.
     * @param formats the formats to write.
     * @return the absolute paths written, in {@link ReportFormat} declaration order.
     * @throws IOException if the directory or a file cannot be written; no temporary file is left behind.
     */
    public static List<Path> write(final Report report, final Path dir, final String app, final long pid,
                                   final Set<ReportFormat> formats) throws IOException {
        final boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains(POSIX_VIEW);
        Files.createDirectories(dir, posix ? OWNER_ONLY_DIRECTORY : NO_ATTRIBUTES);
        final String baseName = "helix-report-" + sanitize(app) + "-" + pid;
        final List<Path> written = new ArrayList<>(formats.size());
        for (final ReportFormat format : ReportFormat.values()) {
            if (formats.contains(format)) {
                final String fileName = baseName + "." + format.extension();
                writeAtomically(dir, fileName, format.renderer().render(report), posix);
                written.add(dir.resolve(fileName).toAbsolutePath());
            }
        }
        return List.copyOf(written);
    }

    /**
     * @param app an application name from configuration.
     * @return the name safe as part of a file name on any system: one {@code _} per other character.
     */
    static String sanitize(final String app) {
        final StringBuilder out = new StringBuilder(app.length());
        app.codePoints().forEach(c -> out.appendCodePoint(isSafe(c) ? c : '_'));
        return out.toString();
    }

    private static boolean isSafe(final int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
            || c == '-';
    }

    private static void writeAtomically(final Path dir, final String fileName, final String content,
                                        final boolean posix) throws IOException {
        final Path temporary =
            Files.createTempFile(dir, "." + fileName + ".", ".tmp", posix ? OWNER_ONLY_FILE : NO_ATTRIBUTES);
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            moveIntoPlace(temporary, dir.resolve(fileName));
        } catch (final Throwable failure) {
            deleteAfterFailure(temporary, failure);
            throw failure;
        }
    }

    /** Deletes the temporary file, keeping the failure that matters as the one thrown. */
    private static void deleteAfterFailure(final Path temporary, final Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (final IOException deleteFailure) {
            failure.addSuppressed(deleteFailure);
        }
    }

    private static void moveIntoPlace(final Path temporary, final Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final AtomicMoveNotSupportedException unsupported) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
