package io.helixagent.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The isolated loader of the agent's runtime: the engine, Byte Buddy, Agrona and Micrometer, read from the
 * {@code inst/} entries of {@code helix-agent.jar}, renamed {@code .classdata} so that no other loader can
 * define them.
 * <p>
 * Delegation: the platform loader first (the JDK's own API), then this jar, then, for the JDK's own
 * named modules that the platform loader does not define (such as {@code jdk.attach}), the system loader.
 * The host's classes live in the system loader's unnamed module or in its own named modules, neither of
 * which is ever consulted, so a host that carries other versions of the same libraries is unaffected.
 */
final class RuntimeClassLoader extends ClassLoader {
    static final String RUNTIME_PREFIX = "inst/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain domain;
    private final Set<String> jdkPackagesOfSystemLoader;

    RuntimeClassLoader(final File agentJar, final boolean allowJdkModulesOfSystemLoader) throws IOException {
        super("helix-agent", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar);
        this.jarUrl = agentJar.toURI().toURL();
        this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        this.jdkPackagesOfSystemLoader = allowJdkModulesOfSystemLoader ? jdkPackagesOfSystemLoader() : Set.of();
    }

    private static Set<String> jdkPackagesOfSystemLoader() {
        final ClassLoader system = ClassLoader.getSystemClassLoader();
        final Set<String> packages = new HashSet<>();
        for (final Module module : ModuleLayer.boot().modules()) {
            final ModuleDescriptor descriptor = module.getDescriptor();
            final String name = module.getName();
            if (module.getClassLoader() == system && (name.startsWith("jdk.") || name.startsWith("java."))) {
                for (final ModuleDescriptor.Exports exports : descriptor.exports()) {
                    if (!exports.isQualified()) {
                        packages.add(exports.source());
                    }
                }
            }
        }
        return packages;
    }

    @Override
    protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = getParent().loadClass(name);
                } catch (final ClassNotFoundException notInPlatform) {
                    loaded = findOwnOrJdkClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> findOwnOrJdkClass(final String name) throws ClassNotFoundException {
        final JarEntry entry = jar.getJarEntry(RUNTIME_PREFIX + name.replace('.', '/') + AgentBootstrap.CLASSDATA);
        if (entry != null) {
            return define(name, entry);
        }
        final int dot = name.lastIndexOf('.');
        if (dot > 0 && jdkPackagesOfSystemLoader.contains(name.substring(0, dot))) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    private Class<?> define(final String name, final JarEntry entry) throws ClassNotFoundException {
        final byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (final IOException ex) {
            throw new ClassNotFoundException(name, ex);
        }
        final int dot = name.lastIndexOf('.');
        if (dot > 0) {
            final String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (final IllegalArgumentException definedConcurrently) {
                    // another thread defined it first: fine
                }
            }
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    /** Resources of the runtime; a {@code .class} resource maps to its {@code .classdata} entry (Byte Buddy reads advice that way). */
    @Override
    protected URL findResource(final String name) {
        final String entryName = entryName(name);
        if (jar.getJarEntry(entryName) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entryName);
        } catch (final MalformedURLException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected Enumeration<URL> findResources(final String name) {
        final URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(url));
    }

    @Override
    public InputStream getResourceAsStream(final String name) {
        final JarEntry entry = jar.getJarEntry(entryName(name));
        if (entry != null) {
            try {
                return jar.getInputStream(entry);
            } catch (final IOException ex) {
                return null;
            }
        }
        return super.getResourceAsStream(name);
    }

    private static String entryName(final String resource) {
        final String path = resource.startsWith("/") ? resource.substring(1) : resource;
        return RUNTIME_PREFIX + (path.endsWith(".class")
            ? path.substring(0, path.length() - ".class".length()) + AgentBootstrap.CLASSDATA
            : path);
    }
}
