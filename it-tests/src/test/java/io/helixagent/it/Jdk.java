package io.helixagent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK the integration tests run host JVMs on: the one running the build, and the newest one installed
 * under {@code /usr/lib/jvm} (Temurin 25 on the CI machines). Where a newer JDK exists it is always used:
 * the matrix never shrinks silently.
 *
 * @param home    the JDK's home directory.
 * @param feature its feature release, such as 17 or 25.
 */
public record Jdk(Path home, int feature) {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    /** @return the {@code java} launcher. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    @Override
    public String toString() {
        return "java " + feature;
    }

    /** @return the build's JDK, then the newest installed JDK if it is a newer release. */
    public static List<Jdk> matrix() {
        final Jdk current = of(Path.of(System.getProperty("java.home")));
        final List<Jdk> jdks = new ArrayList<>(List.of(current));
        newestInstalled().filter(j -> j.feature() > current.feature()).ifPresent(jdks::add);
        return jdks;
    }

    /** @return the newest JDK under /usr/lib/jvm, if any. */
    static java.util.Optional<Jdk> newestInstalled() {
        if (!Files.isDirectory(JVM_DIR)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(JVM_DIR)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && Files.isRegularFile(d.resolve("release")))
                .map(Jdk::of)
                .max(Comparator.comparingInt(Jdk::feature));
        } catch (final IOException ex) {
            return java.util.Optional.empty();
        }
    }

    static Jdk of(final Path home) {
        final Path release = home.resolve("release");
        int feature = Runtime.version().feature();
        if (Files.isRegularFile(release)) {
            final Properties p = new Properties();
            try (var in = Files.newBufferedReader(release)) {
                p.load(in);
                final String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
                feature = Integer.parseInt(version.split("[.+-]")[0]);
            } catch (final IOException | NumberFormatException ex) {
                // keep the running JVM's feature release
            }
        }
        return new Jdk(home.toAbsolutePath().normalize(), feature);
    }
}
