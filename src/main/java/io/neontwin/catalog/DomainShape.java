package io.neontwin.catalog;

import java.util.Map;

/**
 * A domain.
 *
 * @param name        qualified
 * @param baseType    with its collation, as in CREATE DOMAIN ... AS
 * @param defaultSql  or null
 * @param notNull     NOT NULL
 * @param constraints CHECK constraints by name (quoted), each pg_get_constraintdef()
 */
public record DomainShape(String name, String baseType, String defaultSql, boolean notNull,
                          Map<String, String> constraints) {
    public DomainShape {
        constraints = Map.copyOf(constraints);
    }
}
