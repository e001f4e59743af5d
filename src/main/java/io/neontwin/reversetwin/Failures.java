package io.neontwin.reversetwin;

import java.sql.SQLException;

/** How a server error reads for the run: a lost connection, a lock wait given up, a statement cut short. */
final class Failures {
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String QUERY_CANCELED = "57014";

    private Failures() {
    }

    /** The session is gone (network, server restart, pg_terminate_backend): its open transaction was rolled back. */
    static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    static boolean isLockTimeout(SQLException failure) {
        return LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
    }

    static boolean isStatementTimeout(SQLException failure) {
        return QUERY_CANCELED.equals(failure.getSQLState());
    }
}
