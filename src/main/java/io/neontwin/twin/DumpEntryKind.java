package io.neontwin.twin;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of pg_dump archive entries the engine treats apart, by the description pg_restore -l prints for them
 * ("FK CONSTRAINT", "MATERIALIZED VIEW"); every other kind is {@link #OTHER} and is restored as it comes.
 */
public enum DumpEntryKind {
    TABLE("TABLE"),
    FOREIGN_TABLE("FOREIGN TABLE"),
    MATERIALIZED_VIEW("MATERIALIZED VIEW"),
    SEQUENCE("SEQUENCE"),
    EXTENSION("EXTENSION"),
    COMMENT("COMMENT"),
    POLICY("POLICY"),
    INDEX("INDEX"),
    CONSTRAINT("CONSTRAINT"),
    FK_CONSTRAINT("FK CONSTRAINT"),
    CHECK_CONSTRAINT("CHECK CONSTRAINT"),
    // replication and server-level objects: about production's operation, not its schema; never restored on a twin
    PUBLICATION("PUBLICATION", true),
    PUBLICATION_TABLE("PUBLICATION TABLE", true),
    PUBLICATION_TABLES_IN_SCHEMA("PUBLICATION TABLES IN SCHEMA", true),
    SUBSCRIPTION("SUBSCRIPTION", true),
    SUBSCRIPTION_TABLE("SUBSCRIPTION TABLE", true),
    EVENT_TRIGGER("EVENT TRIGGER", true),
    USER_MAPPING("USER MAPPING", true),
    OTHER("", false);

    private static final Map<String, DumpEntryKind> BY_DESCRIPTION = Arrays.stream(values()).filter(kind -> kind != OTHER)
            .collect(Collectors.toUnmodifiableMap(DumpEntryKind::description, Function.identity()));

    private final String description;
    private final boolean operational;

    DumpEntryKind(String description) {
        this(description, false);
    }

    DumpEntryKind(String description, boolean operational) {
        this.description = description;
        this.operational = operational;
    }

    /** The kind of an entry with this description, {@link #OTHER} for one the engine does not treat apart. */
    public static DumpEntryKind of(String description) {
        return BY_DESCRIPTION.getOrDefault(description, OTHER);
    }

    /** As pg_restore -l prints it. */
    public String description() {
        return description;
    }

    /** Replication and server-level objects, which a twin leaves out (the plan says which). */
    public boolean operational() {
        return operational;
    }

    /** Builds on a table and locks it while it is built: an index or a constraint. */
    public boolean locksItsTable() {
        return this == INDEX || this == CONSTRAINT || this == FK_CONSTRAINT || this == CHECK_CONSTRAINT;
    }
}
