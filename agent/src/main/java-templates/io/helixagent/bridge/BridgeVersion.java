package io.helixagent.bridge;

/** The build's version, filled in by Maven. */
final class BridgeVersion {
    static final String VALUE = "${project.version}";

    private BridgeVersion() {
    }
}
