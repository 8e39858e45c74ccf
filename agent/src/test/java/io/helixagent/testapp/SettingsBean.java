package io.helixagent.testapp;

import io.helixagent.agent.probe.CreationSite;

/** A bean that wraps its listener registration, as JavaBeans do; records where the registration came from. */
public final class SettingsBean {
    private String lastSite;

    /** The bean's own wrapper around {@code PropertyChangeSupport}: never the registering code. */
    public void addPropertyChangeListener(final Object listener) {
        lastSite = CreationSite.caller(null, "addPropertyChangeListener");
    }

    /** The code that decides to register. */
    public static String registerFromRequest() {
        final SettingsBean bean = new SettingsBean();
        bean.addPropertyChangeListener(new Object());
        return bean.lastSite;
    }
}
