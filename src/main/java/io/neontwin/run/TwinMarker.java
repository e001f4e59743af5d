package io.neontwin.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.neontwin.report.ReportJson;

import java.util.Optional;

/**
 * The label a twin database carries (as its database comment): which production it mirrors, when it was refreshed,
 * by which version. Without it, or with another production's, the engine refuses to replace a database unless --force.
 *
 * @param state "building" while it is a staging database, "ready" once swapped in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwinMarker(String tool, String mirrors, String refreshedAt, String toolVersion, String state) {
    /** How every marker comment starts; a database comment starting so is a twin's, even if the rest is unreadable. */
    public static final String PREFIX = "neon-twin ";

    public String toComment() {
        try {
            return PREFIX + ReportJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<TwinMarker> fromComment(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReportJson.mapper().readValue(comment.substring(PREFIX.length()), TwinMarker.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** How production is named in markers: host:port/database, host in lower case; never credentials. */
    public static String identityOf(io.neontwin.connection.ConnectionSpec production) {
        return production.primaryHost().host().toLowerCase(java.util.Locale.ROOT) + ":" + production.primaryHost().port()
                + "/" + production.database();
    }

    /** The comment of the database this connection is in (null when it has none): where a twin keeps its marker. */
    public static String commentOfCurrentDatabase(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(
                     "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
