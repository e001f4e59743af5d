package io.neontwin.twin;

import io.neontwin.run.TwinMarker;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Optional;

/**
 * The checks that keep the twin from ever overwriting production, or a database that is not a twin.
 */
public final class SafetyChecks {
    private SafetyChecks() {
    }

    /**
     * Decides whether the existing twin target may be replaced: a database that does not exist or is empty, or a
     * twin of this very production; anything else needs --force.
     */
    static String judgeTarget(TwinTarget target, String productionIdentity, boolean force) throws java.sql.SQLException {
        String database = target.twinDatabase();
        String input = target.inputName();
        refuseServerDatabase(target);
        if (!target.exists(database)) {
            return "does not exist yet; it will be created";
        }
        Optional<TwinMarker> marker = target.currentMarker();
        if (marker.isPresent()) {
            if (marker.get().mirrors().equals(productionIdentity)) {
                return "twin of this production, refreshed " + marker.get().refreshedAt() + "; it will be replaced";
            }
            if (!force) {
                throw new UserError(ExitCode.SAFETY, input + "'s database '" + database + "' is a twin of "
                        + marker.get().mirrors() + ", not of " + productionIdentity
                        + "; point " + input + " at this production's twin, or pass --force (input force) to replace it.");
            }
            return "twin of another production (" + marker.get().mirrors() + "); replaced because of --force";
        }
        TwinTarget.UserObjects objects = target.userObjects(database);
        if (objects.none()) {
            return "exists and is empty; it becomes the twin";
        }
        String found = objects.count() + " object(s) (" + String.join(", ", objects.examples())
                + (objects.count() > objects.examples().size() ? ", ..." : "") + ")";
        if (!force) {
            throw new UserError(ExitCode.SAFETY, input + "'s database '" + database + "' holds " + found
                    + " and is not a twin (it has no neon-twin marker), so it may be real data; point " + input + " at a new "
                    + "or empty database, or pass --force (input force) to replace it.");
        }
        return "not empty and not a twin (" + found + "); replaced because of --force";
    }

    /**
     * The server's own databases are never a twin, --force or not: "postgres" is where tools and the twin's own
     * maintenance session connect, and a template is copied into every new database.
     */
    private static void refuseServerDatabase(TwinTarget target) throws java.sql.SQLException {
        String database = target.twinDatabase();
        boolean maintenance = database.equals("postgres");
        if (maintenance || target.isTemplate(database)) {
            throw new UserError(ExitCode.SAFETY, target.inputName() + " names the server's " + (maintenance ? "maintenance" : "template")
                    + " database '" + database + "', which neon-twin never replaces (not even with --force); point "
                    + target.inputName() + " at a database of the twin's own, such as '" + database + "_twin' (it is created if missing).");
        }
    }
}
