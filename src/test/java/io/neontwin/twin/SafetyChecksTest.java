package io.neontwin.twin;

import io.neontwin.run.SessionSafety;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyChecksTest {
    private static ConnectionSpec production(String url) {
        return ConnectionSpec.parse("production-url", url);
    }

    private static ConnectionSpec twin(String url) {
        return ConnectionSpec.parse("twin-url", url);
    }

    @Test
    void theSameDatabaseOnAnyCommonHostIsRefusedBeforeConnecting() {
        UserError refused = assertThrows(UserError.class, () -> SessionSafety.refuseSameDatabaseByUrl(
                production("postgresql://app@db1.example.com,db2.example.com/shop"),
                twin("postgresql://other@DB2.example.com:5432/shop")));
        assertEquals(ExitCode.SAFETY, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("twin-url points at production's own database"), refused.getMessage());
    }

    @Test
    void anotherDatabaseOrPortOnTheSameHostIsAllowed() {
        assertDoesNotThrow(() -> SessionSafety.refuseSameDatabaseByUrl(production("postgresql://app@db.example.com/shop"),
                twin("postgresql://app@db.example.com/shop_twin")));
        assertDoesNotThrow(() -> SessionSafety.refuseSameDatabaseByUrl(production("postgresql://app@db.example.com:5432/shop"),
                twin("postgresql://app@db.example.com:6543/shop")));
    }

    @Test
    void aNeonPoolerHostIsWarnedAbout() {
        String warning = SessionSafety.poolerWarning(twin("postgresql://u:p@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require"))
                .orElseThrow();
        assertTrue(warning.startsWith("twin-url uses a pooled host") && warning.contains("without '-pooler'"), warning);
        assertTrue(SessionSafety.poolerWarning(twin("postgresql://u:p@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb")).isEmpty());
    }
}
