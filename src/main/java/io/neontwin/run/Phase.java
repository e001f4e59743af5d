package io.neontwin.run;

/**
 * The phases of both engines, in the order each runs them, with the names users see (progress lines, the report's
 * {@code phases} and {@code failure.phase}, notifications): those names are part of the output and never change.
 */
public enum Phase {
    // the twin
    PREFLIGHT("preflight"),
    SCHEMA("schema"),
    DATA("data"),
    POST_DATA("post-data"),
    SEQUENCES("sequences"),
    ANALYZE("analyze"),
    VERIFY("verify"),
    SWAP("swap"),
    // the reverse twin, after its own preflight
    PLAN("plan"),
    REHEARSAL("rehearsal"),
    APPLY("apply");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
