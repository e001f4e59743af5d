package io.neontwin.twin;

import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles that exist only on production (RDS's rdsadmin and rds_superuser) never make a twin fail. */
class RdsRolesTest {
    @Test
    void objectsOwnedGrantedOrLimitedToProductionOnlyRolesStillTwin() {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.execute("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rdsadmin') THEN CREATE ROLE rdsadmin; END IF; END $$",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_superuser') THEN CREATE ROLE rds_superuser; END IF; END $$");
        production.createDatabase("rds_prod");
        production.execute("rds_prod",
                "CREATE TABLE accounts (id int PRIMARY KEY, region text)",
                "INSERT INTO accounts SELECT g, 'eu' FROM generate_series(1, 25) g",
                "ALTER TABLE accounts OWNER TO rdsadmin",
                "GRANT SELECT ON accounts TO rds_superuser",
                "ALTER DEFAULT PRIVILEGES FOR ROLE rdsadmin GRANT SELECT ON TABLES TO rds_superuser",
                "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY admins_only ON accounts TO rds_superuser USING (true)",
                "CREATE POLICY everyone ON accounts USING (region = 'eu')");
        twin.dropDatabase("rds_twin");

        TwinReport report = TwinFixtures.twin(production, "rds_prod", twin, "rds_twin").report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(25, twin.queryLong("rds_twin", "SELECT count(*) FROM accounts"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("admins_only") && w.contains("rds_superuser")),
                report.warnings()::toString);
        assertEquals(1, twin.queryLong("rds_twin", "SELECT count(*) FROM pg_policy WHERE polname = 'everyone'"),
                "policies for everyone are kept");
        assertEquals(twin.user(), twin.queryString("rds_twin", "SELECT tableowner FROM pg_tables WHERE tablename = 'accounts'"),
                "objects belong to the twin's role");
    }
}
