package io.neontwin.twin;

import java.util.Optional;

/**
 * Where rows are filtered in flight, on production's side of the stream, as SQL (a subset such as
 * "created_at > now() - interval '90 days'" costs no extra pass and no file), and where column values are masked: in
 * the runner, never as SQL on production (a key in a query would show in pg_stat_activity and statement logs). Tables
 * without a rule use {@link #IDENTITY}; the rules file gives the others a {@link PrivacyTransform}.
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

    /** What rewrites the table's rows between production and the twin (text COPY only); none by default. */
    default Optional<RowMasker> masking() {
        return Optional.empty();
    }

    default boolean isIdentity() {
        return this == IDENTITY;
    }
}
