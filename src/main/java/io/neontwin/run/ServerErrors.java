package io.neontwin.run;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What a server error means for a run, read from its SQLSTATE (or, for a client program such as psql or pg_dump,
 * which reports none, from the server's own words): the one place both engines learn it from.
 */
public final class ServerErrors {
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server ended or refused the session. */
    private static final Set<String> SERVER_ENDED_SESSION = Set.of("57P01", "57P02", "57P03");
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final String DISK_FULL = "53100";
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final String QUERY_CANCELED = "57014";
    private static final List<String> ENDED_SESSION_WORDS = List.of("terminating connection",
            "server closed the connection", "connection to server", "the database system is shutting down",
            "the database system is starting up", "the database system is in recovery mode");
    private static final List<String> DISK_FULL_WORDS = List.of("could not extend file", "No space left on device");

    private ServerErrors() {
    }

    /** The session is gone (network, server restart, pg_terminate_backend): its open transaction was rolled back. */
    public static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_ENDED_SESSION.contains(state));
    }

    public static boolean isDiskFull(SQLException failure) {
        return DISK_FULL.equals(failure.getSQLState());
    }

    public static boolean isLockTimeout(SQLException failure) {
        return LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
    }

    public static boolean isStatementTimeout(SQLException failure) {
        return QUERY_CANCELED.equals(failure.getSQLState());
    }

    /** A client program's error line that says its session was ended or never came back. */
    public static boolean saysConnectionLost(String errorLine) {
        return ENDED_SESSION_WORDS.stream().anyMatch(errorLine::contains);
    }

    public static boolean saysDiskFull(String errorLine) {
        return DISK_FULL_WORDS.stream().anyMatch(errorLine::contains);
    }

    /** The first SQLException in the cause chain (workers wrap theirs), or null. */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
