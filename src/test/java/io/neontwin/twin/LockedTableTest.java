package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table production's own work keeps locked when a twin starts: the twin gives way, and says which table. */
class LockedTableTest {
    @Test
    void aTableLockedOnProductionWhenTheDumpStartsIsNamedInTheStayedLockedSentence() throws Exception {
        TestServer production = PostgresServers.get(15);
        TestServer twinServer = PostgresServers.get(15, "twin");
        production.dropDatabase("locked_prod");
        production.createDatabase("locked_prod");
        production.execute("locked_prod", "CREATE TABLE invoices (id int PRIMARY KEY)", "INSERT INTO invoices VALUES (1)");
        twinServer.dropDatabase("locked_twin");
        try (Connection migration = production.connect("locked_prod"); Statement ddl = migration.createStatement()) {
            migration.setAutoCommit(false);
            ddl.execute("LOCK TABLE invoices IN ACCESS EXCLUSIVE MODE");

            TwinResult result = TwinFixtures.twin(production, "locked_prod", twinServer, "locked_twin");

            migration.rollback();
            String message = result.report().failure().message();
            assertEquals(ExitCode.COPY_FAILED, result.exitCode(), message);
            assertTrue(message.startsWith("Production's public.invoices stayed locked by other work (DDL?)"), message);
            assertFalse(message.contains("canceling statement"), message);
        }
    }
}
