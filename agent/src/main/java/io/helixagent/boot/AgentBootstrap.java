package io.helixagent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Sets up the two other class-loader zones and hands over to the isolated runtime.
 * <ol>
 *   <li>The bridge ({@code bridge/**.classdata}) is copied into a temporary jar that is appended to the
 *       bootstrap search path, so that woven JDK classes can call it. Only those few classes go there:
 *       appending the whole agent jar would switch off class-data sharing and expose the dependencies.</li>
 *   <li>The runtime ({@code inst/**}) is loaded by a {@link RuntimeClassLoader} whose parent is the
 *       platform loader: the host's classes and libraries stay invisible to it, and it stays invisible
 *       to them.</li>
 * </ol>
 * A second {@code agentmain} into a JVM whose agent is running does not load a second copy: it passes
 * the new settings to the running one.
 */
public final class AgentBootstrap {
    static final String BRIDGE_PREFIX = "bridge/";
    static final String CLASSDATA = ".classdata";
    private static final String PROBES_CLASS = "io.helixagent.bridge.Probes";
    private static final String RUNTIME_CLASS = "io.helixagent.agent.AgentRuntime";
    private static final String CLI_CLASS = "io.helixagent.agent.cli.Cli";
    private static final String INJECTOR_CLASS = "io.helixagent.agent.BridgeInjector";

    private AgentBootstrap() {
    }

    /**
     * Starts the agent in this JVM, or reconfigures the one already running.
     *
     * @param args agent arguments, may be null.
     * @param inst the instrumentation service.
     * @param mode {@code premain} or {@code dynamic}.
     */
    public static synchronized void start(final String args, final Instrumentation inst, final String mode) {
        try {
            final File jar = agentJar();
            final Object running = runningHandle();
            if (running != null) {
                final String message = (String) running.getClass().getMethod("reconfigure", String.class)
                    .invoke(running, args == null ? "" : args);
                if (message != null && !message.isEmpty()) {
                    System.err.println("helix-agent: " + message);
                }
                return;
            }
            final RuntimeClassLoader loader = new RuntimeClassLoader(jar, true);
            openInternalsTo(inst, loader.getUnnamedModule());
            if (!bridgeLoaded()) {
                injectBridge(inst, jar, loader);
            }
            final Class<?> runtime = Class.forName(RUNTIME_CLASS, true, loader);
            runtime.getMethod("start", String.class, Instrumentation.class, String.class).invoke(null, args, inst, mode);
        } catch (final java.lang.reflect.InvocationTargetException ex) {
            System.err.println("helix-agent: not started: " + oneLine(ex.getCause()));
        } catch (final Throwable ex) {
            System.err.println("helix-agent: not started: " + oneLine(ex));
        }
    }

    /**
     * Runs the command line in the isolated runtime.
     *
     * @param args command-line arguments.
     * @return the process exit code.
     */
    public static int runCli(final String[] args) throws Exception {
        final File jar = agentJar();
        final RuntimeClassLoader loader = new RuntimeClassLoader(jar, true);
        final Object code = Class.forName(CLI_CLASS, true, loader).getMethod("run", String.class, String[].class)
            .invoke(null, jar.getAbsolutePath(), args);
        return (Integer) code;
    }

    private static String oneLine(final Throwable ex) {
        final String message = ex.getMessage();
        return message == null ? ex.getClass().getName() : message.replace('\n', ' ');
    }

    private static boolean bridgeLoaded() {
        try {
            Class.forName(PROBES_CLASS, false, null);
            return true;
        } catch (final ClassNotFoundException notYetInjected) {
            return false;
        }
    }

    /** The handle of an agent already running in this JVM, through the bootstrap-loaded bridge, or null. */
    private static Object runningHandle() throws ReflectiveOperationException {
        if (!bridgeLoaded()) {
            return null;
        }
        final Class<?> probes = Class.forName(PROBES_CLASS, false, null);
        final Object handle = probes.getMethod("handle").invoke(null);
        final String bridgeVersion = (String) probes.getField("BRIDGE_VERSION").get(null);
        if (handle == null && !bridgeVersion.equals(bridgeVersionInJar())) {
            throw new IllegalStateException("this JVM still holds the bridge of helix-agent " + bridgeVersion
                + " from an earlier attach; attach that version, or restart the JVM to use this one");
        }
        return handle;
    }

    private static String bridgeVersionInJar() {
        final Package pkg = AgentBootstrap.class.getPackage();
        final String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static File agentJar() throws URISyntaxException {
        return new File(AgentBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Defines the bridge classes in the bootstrap loader: directly, through the runtime's {@code BridgeInjector},
     * or, on a JDK without the internal method it uses, from a private temporary jar appended to the bootstrap
     * search path (which costs the host class-data sharing for its own classes, and a JVM warning).
     */
    private static void injectBridge(final Instrumentation inst, final File agentJar, final ClassLoader runtime)
        throws IOException, ReflectiveOperationException {
        final Map<String, byte[]> classes = bridgeClasses(agentJar);
        final Boolean injected = (Boolean) Class.forName(INJECTOR_CLASS, true, runtime)
            .getMethod("inject", Map.class).invoke(null, classes);
        final Path appended = injected ? null : appendToBootstrapSearch(inst, classes);
        for (final String className : classes.keySet()) {
            try {
                Class.forName(className, false, null);
            } catch (final ClassNotFoundException ex) {
                throw new IllegalStateException("bridge class " + className + " is not visible from the bootstrap");
            }
        }
        if (appended != null && !appended.toFile().delete()) {
            appended.toFile().deleteOnExit();
        }
    }

    /**
     * @return the bridge's class files by class name. No bridge type extends or implements another, so they can
     *     be defined in any order.
     */
    private static Map<String, byte[]> bridgeClasses(final File agentJar) throws IOException {
        final Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile source = new JarFile(agentJar)) {
            final Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                final JarEntry entry = entries.nextElement();
                final String name = entry.getName();
                if (name.startsWith(BRIDGE_PREFIX) && name.endsWith(CLASSDATA)) {
                    final String className = name.substring(BRIDGE_PREFIX.length(), name.length() - CLASSDATA.length())
                        .replace('/', '.');
                    try (InputStream in = source.getInputStream(entry)) {
                        classes.put(className, in.readAllBytes());
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException(agentJar + " holds no bridge classes; is it a helix-agent.jar?");
        }
        return classes;
    }

    /** @return the temporary jar, to delete once the bridge classes are loaded from it. */
    private static Path appendToBootstrapSearch(final Instrumentation inst, final Map<String, byte[]> classes)
        throws IOException {
        final Path tmp = Files.createTempFile("helix-bridge-", ".jar");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(out)) {
            for (final Map.Entry<String, byte[]> c : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
                jar.write(c.getValue());
                jar.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(tmp.toFile()));
        return tmp;
    }

    /**
     * Agrona 2 reads {@code jdk.internal.misc.Unsafe}. Opening that package to the runtime's unnamed module
     * alone avoids both {@code --add-opens} on the host's command line and the warnings that
     * {@code sun.misc.Unsafe} prints on recent JDKs.
     */
    private static void openInternalsTo(final Instrumentation inst, final Module runtime) {
        final Module javaBase = Object.class.getModule();
        final Map<String, Set<Module>> open = Map.of("jdk.internal.misc", Set.of(runtime));
        inst.redefineModule(javaBase, Set.of(), open, open, Set.of(), Map.of());
    }
}
