package io.neontwin.run;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The checks both engines make before they write that production and the twin are not one database, and that
 * their sessions will hold: a twin must never be production, whichever direction the run goes.
 */
public final class SessionSafety {
    private SessionSafety() {
    }

    /**
     * Before connecting: the two URLs must not name the same database on a host and port they share (host names
     * compared case-insensitively and as resolved addresses). Preflight checks again on the servers themselves.
     */
    public static void refuseSameDatabaseByUrl(ConnectionSpec production, ConnectionSpec twin) {
        if (!production.database().equals(twin.database())) {
            return;
        }
        for (ConnectionSpec.HostPort productionHost : production.hosts()) {
            for (ConnectionSpec.HostPort twinHost : twin.hosts()) {
                if (productionHost.port() == twinHost.port() && sameHost(productionHost.host(), twinHost.host())) {
                    throw sameDatabase(production, twin);
                }
            }
        }
    }

    private static boolean sameHost(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            InetAddress first = InetAddress.getByName(a);
            InetAddress second = InetAddress.getByName(b);
            return first.equals(second) || first.isLoopbackAddress() && second.isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false; // the connection attempt will name the unknown host
        }
    }

    public static UserError sameDatabase(ConnectionSpec production, ConnectionSpec twin) {
        return new UserError(ExitCode.SAFETY, twin.inputName() + " points at production's own database (" + production.describe()
                + "); refusing to write: set " + twin.inputName() + " to the Neon twin's database.");
    }

    /**
     * A pooled connection string (Neon's "-pooler" hosts run PgBouncer in transaction mode) shares server sessions
     * between clients: the twin's advisory lock would not keep two runs apart, and Neon recommends direct
     * connections for dump and restore work. Returns the warning to give, if any.
     */
    public static java.util.Optional<String> poolerWarning(ConnectionSpec spec) {
        for (ConnectionSpec.HostPort host : spec.hosts()) {
            if (host.host().toLowerCase(Locale.ROOT).contains("-pooler.")) {
                return java.util.Optional.of(spec.inputName() + " uses a pooled host (" + host.host()
                        + "); use the direct connection string (the host without '-pooler') so the run's session settings and lock hold");
            }
        }
        return java.util.Optional.empty();
    }

    public static String applicationNameProbe() {
        return "neon-twin probe " + Long.toHexString(new java.security.SecureRandom().nextLong()).toLowerCase(Locale.ROOT);
    }
}
