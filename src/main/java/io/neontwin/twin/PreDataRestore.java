package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.pgclient.PgClient;
import io.neontwin.pgclient.PgProcess;

import java.nio.file.Path;
import java.util.List;

/** Types, functions, tables and views: the schema the data goes into, created by psql in one transaction. */
final class PreDataRestore {
    private PreDataRestore() {
    }

    static void run(PgClient client, SchemaDump dump, List<TocEntry> kept, ConnectionSpec staging, int productionMajor,
                    int twinMajor, Path workDir) {
        RestoreScript.render(client, dump, kept, "pre-data", twinMajor, workDir);
        Path sql = workDir.resolve("pre-data.sql");
        try {
            PgProcess.run(client.psql(), List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
                    "--file=" + sql, "--dbname=" + staging.withParameter("application_name", "neon-twin schema").libpqConninfo()),
                    staging.libpqEnvironment(), null);
        } catch (PgProcess.Failed failed) {
            UserError known = RunFailures.explainClientFailure(failed.firstErrorLine(), "creating production's schema in the twin", failed);
            if (known != null) {
                throw known;
            }
            String hint = twinMajor < productionMajor
                    ? " (production runs PostgreSQL " + productionMajor + ", the twin's server " + twinMajor
                    + ": use a twin server of version " + productionMajor + " or newer)"
                    : "";
            throw new UserError(ExitCode.COPY_FAILED, "Creating production's schema in the twin failed: "
                    + failed.firstErrorLine() + hint + "; the previous twin is kept.", failed);
        }
    }
}
