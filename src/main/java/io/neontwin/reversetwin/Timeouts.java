package io.neontwin.reversetwin;

import java.time.Duration;

/** The run's timeouts as PostgreSQL settings and as sentences show them. */
final class Timeouts {
    private Timeouts() {
    }

    /** A value for SET lock_timeout / statement_timeout: whole milliseconds (0 turns the timeout off). */
    static String setting(Duration duration) {
        return "'" + Math.max(0, duration.toMillis()) + "ms'";
    }

    /**
     * Puts the session back to its defaults and sets the run's timeouts, before each migration: a migration's own SET
     * (search_path, statement_timeout...) must not change how the next one runs, on production or in the rehearsal.
     *
     * @param local SET LOCAL (the rehearsal's one transaction) rather than for the session
     */
    static void startMigration(java.sql.Statement statement, ReverseTwinOptions options, boolean local) throws java.sql.SQLException {
        String set = local ? "SET LOCAL " : "SET ";
        statement.execute("RESET ALL");
        statement.execute(set + "lock_timeout = " + setting(options.lockTimeout()));
        statement.execute(set + "statement_timeout = " + setting(options.statementTimeout()));
    }

    /** "200 ms", "5 s", "15 min", "1 h 30 min". */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "off";
        }
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60 || seconds % 60 != 0) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
