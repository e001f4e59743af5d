package io.neontwin.connection;

import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns a failed connection attempt into one sentence that names the input to fix, and says which are worth retrying. */
public final class ConnectionErrors {
    private ConnectionErrors() {
    }

    /** Worth another try: the server is starting, a serverless compute is waking, or too many connections for now. */
    static boolean isTransient(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.equals("57P03") || state.equals("53300") || mentionsWaking(failure)) {
            return true;
        }
        Throwable cause = rootCause(failure);
        // A refused or timed-out connection to a known host is how a compute looks while it wakes; an unknown host is a typo.
        return state.startsWith("08") && (cause instanceof ConnectException || cause instanceof SocketTimeoutException);
    }

    /** A few words on a transient failure, for the line that says a retry is coming. */
    static String transientReason(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        Throwable cause = rootCause(failure);
        if (state.equals("53300")) {
            return "too many connections";
        }
        if (state.equals("57P03") || mentionsWaking(failure)) {
            return "the server is starting";
        }
        return cause instanceof SocketTimeoutException ? "timed out" : "connection refused";
    }

    private static boolean mentionsWaking(SQLException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("compute") && (message.contains("start") || message.contains("wak") || message.contains("connect to"))
                || message.contains("the database system is starting up");
    }

    public static UserError explain(ConnectionSpec spec, SQLException failure) {
        String input = spec.inputName();
        String where = spec.describe();
        String user = spec.user() == null ? "(none)" : spec.user();
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        Throwable cause = rootCause(failure);
        if (cause instanceof UnknownHostException) {
            return error(ExitCode.CONNECTION, input + ": the host '" + spec.primaryHost().host()
                    + "' is unknown; check the host name in " + input + ".", failure);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return error(ExitCode.CONNECTION, input + ": nothing accepted a connection at " + spec.primaryHost()
                    + " (" + cause.getMessage() + "); check the host and port in " + input
                    + " and that the server accepts connections from this runner.", failure);
        }
        if (cause instanceof SocketTimeoutException) {
            return error(ExitCode.CONNECTION, input + ": connecting to " + spec.primaryHost() + " timed out; check the host and port in "
                    + input + " and any firewall or security group between this runner and the server.", failure);
        }
        if (cause instanceof SSLException || state.equals("08004") && String.valueOf(failure.getMessage()).contains("SSL")) {
            return error(ExitCode.CONNECTION, input + ": the TLS handshake with " + spec.primaryHost() + " failed ("
                    + cause.getMessage() + "); check sslmode and sslrootcert in " + input + ".", failure);
        }
        if (spec.password() == null && String.valueOf(failure.getMessage()).contains("no password was provided")) {
            // pgjdbc's wording (state 08004) for a server that wants a password the tool found nowhere libpq looks.
            return error(ExitCode.AUTHENTICATION, input + ": the server wants a password for user '" + user
                    + "' and none was found; put it in " + input + ", PGPASSWORD, the file PGPASSFILE names or ~/.pgpass.", failure);
        }
        if (state.equals("28P01")) {
            return error(ExitCode.AUTHENTICATION, input + ": the server rejected the password for user '" + user
                    + "'; fix the password in " + input + " (percent-encode special characters).", failure);
        }
        if (state.startsWith("28")) {
            return error(ExitCode.AUTHENTICATION, input + ": the server refused user '" + user + "' on " + where + " ("
                    + ErrorText.firstLine(failure) + "); check the user in " + input + " and the server's access rules.", failure);
        }
        if (state.equals("3D000")) {
            return error(ExitCode.DATABASE_NOT_FOUND, input + ": database '" + spec.database() + "' does not exist on "
                    + spec.primaryHost() + "; fix the database name in " + input + ".", failure);
        }
        if (state.equals("42501")) {
            return error(ExitCode.PRIVILEGE, input + ": user '" + user + "' may not connect to " + where + " ("
                    + ErrorText.firstLine(failure) + "); grant it CONNECT on the database.", failure);
        }
        return error(ExitCode.CONNECTION, input + ": could not connect to " + where + " (" + ErrorText.firstLine(failure)
                + "); check " + input + ".", failure);
    }

    private static UserError error(ExitCode code, String sentence, Throwable cause) {
        return new UserError(code, Secrets.redact(sentence), cause);
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
