package io.neontwin.neon;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.run.RehearsalBranches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * rehearse-on: branch. A branch of the twin's branch, with a read-write compute, expiring by itself after
 * {@link #LIFETIME} (should neon-twin be killed before it deletes it); the twin URL pointed at that compute's host
 * reaches the same database, roles and passwords, as a branch copies them all.
 */
public final class NeonRehearsalBranches implements RehearsalBranches {
    /** Long enough for a rehearsal on a large twin, short enough that a forgotten branch costs little. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final NeonClient client;
    private final NeonSettings settings;
    private final Clock clock;

    public NeonRehearsalBranches(NeonClient client, NeonSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    public static NeonRehearsalBranches standard(NeonSettings settings) {
        return new NeonRehearsalBranches(settings.client(), settings, Clock.systemUTC());
    }

    @Override
    public RehearsalBranch create(ConnectionSpec twin) {
        NeonBranch twinBranch = TwinBranchLocator.locate(client.projectId(), client.branches(), client.endpoints(),
                settings.twinBranch(), twin.primaryHost().host());
        Instant now = clock.instant();
        NeonBranch created = client.createBranch(new BranchCreate("neon-twin-rehearsal-" + BranchNameTime.of(now),
                twinBranch.id(), now.plus(LIFETIME), true));
        NeonEndpoint endpoint = client.endpoints().stream().filter(candidate -> created.id().equals(candidate.branchId()))
                .findFirst().orElse(null);
        if (endpoint == null) {
            client.deleteBranch(created.id());
            throw new NeonApiError(NeonApiError.NO_RESPONSE, "Neon created the rehearsal branch " + created.name() + " in project "
                    + client.projectId() + " without a compute endpoint to connect to, so it was deleted; run again, or set "
                    + "rehearse-on to twin.");
        }
        ConnectionSpec connection = twin.withHost(endpoint.host());
        return new RehearsalBranch() {
            @Override
            public ConnectionSpec connection() {
                return connection;
            }

            @Override
            public String name() {
                return created.name();
            }

            @Override
            public void close() {
                client.deleteBranch(created.id());
            }
        };
    }
}
