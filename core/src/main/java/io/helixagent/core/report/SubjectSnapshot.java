package io.helixagent.core.report;

import java.util.Map;

/**
 * A watched thing (a pool, a cache, ...) and its latest figures.
 *
 * @param kind      {@code executor}, {@code cache}, ...
 * @param name      the name users know it by, with its creation site.
 * @param createdAt the creation site, {@code Class.method(File.java:line)}, or a note saying it is unknown.
 * @param metrics   current figures, units in the key names, in display order.
 */
public record SubjectSnapshot(String kind, String name, String createdAt, Map<String, Object> metrics) {
}
