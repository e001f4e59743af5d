package io.neontwin.twin;

import java.util.Optional;

/**
 * Where rows are filtered and column values rewritten in flight, on production's side of the stream, as SQL:
 * a subset ("created_at > now() - interval '90 days'") or masking ("md5(email) || '@example.com'") costs no
 * extra pass and no file. The engine uses {@link #IDENTITY} today; a transform feature supplies its own per table.
 */
interface TableTransform {
    TableTransform IDENTITY = new TableTransform() {
    };

    /** The SQL expression that produces the column's value in the twin; by default the column itself. */
    default String selectExpression(ProductionCatalog.Relation table, String column) {
        return Sql.quoteIdent(column);
    }

    /** A predicate rows must satisfy to be copied; none by default. */
    default Optional<String> rowFilter() {
        return Optional.empty();
    }

    default boolean isIdentity() {
        return this == IDENTITY;
    }
}
