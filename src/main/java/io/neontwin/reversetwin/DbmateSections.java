package io.neontwin.reversetwin;

import java.util.List;
import java.util.regex.Pattern;

/**
 * dbmate keeps a migration and its rollback in one file, under the comments "-- migrate:up" and "-- migrate:down".
 * Only the up section may run: the down section usually undoes the up one (DROP TABLE after CREATE TABLE).
 */
final class DbmateSections {
    /** As dbmate reads it: a line comment, spaces allowed after the dashes. */
    private static final Pattern DOWN_MARKER = Pattern.compile("--\\s*migrate:down\\b.*");

    private DbmateSections() {
    }

    /** The statements that come before a "-- migrate:down" comment line (all of them when there is none). */
    static List<SqlStatement> upSection(String text, List<SqlStatement> statements) {
        int downStart = SqlLexer.tokens(text).stream()
                .filter(token -> token.isComment() && DOWN_MARKER.matcher(token.text()).matches())
                .mapToInt(SqlToken::start).findFirst().orElse(text.length());
        return statements.stream().filter(statement -> statement.offset() < downStart).toList();
    }
}
