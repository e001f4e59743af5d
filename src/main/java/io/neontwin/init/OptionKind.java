package io.neontwin.init;

import java.util.Locale;

/** What values an option of the workflow generator takes; the page picks its control by it. */
public enum OptionKind {
    /** One line of free text, optionally restricted by a pattern. */
    TEXT,
    /** true or false. */
    BOOLEAN,
    /** One of a fixed list. */
    CHOICE,
    /** Comma-separated names or patterns, kept as one comma-separated value. */
    LIST,
    /** A whole number between a minimum and a maximum. */
    NUMBER,
    /** A five-field cron expression in UTC. */
    CRON,
    /** On or off: on, the action input reads a repository secret of the input's name. */
    SECRET;

    /** The name the catalog JSON and the page use. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OptionKind fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
