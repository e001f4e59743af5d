package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What building and swapping in the new twin will need from the twin's role, checked in preflight so that a missing
 * privilege fails before the copy rather than after it: creating the staging database (CREATEDB), renaming and
 * dropping the previous twin and any leftover of an interrupted run (owning them), and ending the sessions on them
 * (its own, or pg_signal_backend for other roles'; a superuser's only as superuser).
 */
final class SwapReadiness {
    private SwapReadiness() {
    }

    static void check(TwinTarget target) throws SQLException {
        String input = target.inputName();
        String role = target.role();
        if (!target.mayCreateDatabases()) {
            throw new UserError(ExitCode.PRIVILEGE, input + ": role '" + role + "' may not create databases on the twin's server; "
                    + "grant it CREATEDB (ALTER ROLE " + role + " CREATEDB), since the new twin is built in a staging database and swapped in.");
        }
        for (String database : List.of(target.twinDatabase(), target.stagingDatabase(), target.previousDatabase())) {
            if (!target.exists(database)) {
                continue;
            }
            Optional<String> owner = target.foreignOwner(database);
            if (owner.isPresent()) {
                throw new UserError(ExitCode.PRIVILEGE, input + ": role '" + role + "' does not own database '" + database
                        + "' (role '" + owner.get() + "' does), and the swap renames and drops it; run ALTER DATABASE " + database
                        + " OWNER TO " + role + " as '" + owner.get() + "', or connect as '" + owner.get() + "'.");
            }
            List<String> sessions = target.rolesOfSessionsItCannotEnd(database);
            if (!sessions.isEmpty()) {
                throw new UserError(ExitCode.BUSY, input + ": database '" + database + "' has sessions of role(s) "
                        + String.join(", ", sessions) + " that role '" + role + "' may not end, and the swap must end them; "
                        + "close them, or GRANT pg_signal_backend TO " + role + " (a superuser's sessions only a superuser can end).");
            }
        }
    }
}
