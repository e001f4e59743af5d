package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.MigrationError;
import io.neontwin.secrets.Secrets;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** A migration's SQL failed, in the rehearsal or on production: the sentence, plus where (file, line, statement). */
final class MigrationFailed extends UserError {
    private final transient MigrationError error;
    private final transient MigrationVersion version;

    MigrationFailed(ExitCode exitCode, String sentence, MigrationError error, MigrationVersion version, Throwable cause) {
        super(exitCode, Secrets.redact(sentence), cause);
        this.error = error;
        this.version = version;
    }

    MigrationError error() {
        return error;
    }

    MigrationVersion version() {
        return version;
    }

    /**
     * Where the server says the statement failed.
     *
     * @param sent the text the server received (the rehearsal form may differ from the file's statement): its
     *             error position is mapped to a line of the file only when it is the statement as written
     */
    static MigrationError locate(String stage, Migration migration, SqlStatement statement, String sent, SQLException failure) {
        int line = statement.firstLine();
        Integer position = position(failure);
        // the rehearsal form blanks CONCURRENTLY out with spaces: same length, so positions in it map alike
        if (position != null && sent.length() == statement.sql().length()) {
            line = SqlSplitter.lineOf(migration.text(), statement, position);
        }
        return new MigrationError(stage, migration.version().toString(), migration.file(), line,
                Secrets.redact(StatementExcerpt.of(statement.sql())), failure.getSQLState(), Secrets.redact(serverMessage(failure)));
    }

    /** The server's own message (without pgjdbc's "Position:"/"Where:" tail), or the exception's first line. */
    static String serverMessage(SQLException failure) {
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            String detail = server.getDetail();
            return server.getMessage() + (detail == null || detail.isBlank() ? "" : " (" + detail.strip().replaceAll("\\s+", " ") + ")");
        }
        return MigrationHistory.firstLine(failure);
    }

    private static Integer position(SQLException failure) {
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            int position = psql.getServerErrorMessage().getPosition();
            return position > 0 ? position : null;
        }
        return null;
    }
}
