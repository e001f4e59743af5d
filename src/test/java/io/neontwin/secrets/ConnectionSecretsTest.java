package io.neontwin.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSecretsTest {
    @Test
    void findsThePasswordInAUri() {
        assertEquals(List.of("s3cr%40t"), ConnectionSecrets.passwordsIn("postgresql://app:s3cr%40t@db.example.com:5432/app"));
    }

    @Test
    void findsThePasswordInAUriThatTheParserWouldReject() {
        // '#' and a bad percent-encoding both make ConnectionSpec.parse fail before it registers the password.
        assertEquals(List.of("p#ss%zz"), ConnectionSecrets.passwordsIn("postgresql://app:p#ss%zz@db.example.com/app"));
    }

    @Test
    void findsPasswordsInQueryParametersAndKeyValueStrings() {
        assertEquals(List.of("hunter22"), ConnectionSecrets.passwordsIn("postgresql://db.example.com/app?sslmode=require&password=hunter22"));
        assertEquals(List.of("plain1", "it\\'s here", "it's here"),
                ConnectionSecrets.passwordsIn("host=db password=plain1 sslpassword='it\\'s here' dbname=app"));
    }

    @Test
    void aStringWithoutPasswordHasNone() {
        assertTrue(ConnectionSecrets.passwordsIn("postgresql://app@db.example.com/app").isEmpty());
        assertTrue(ConnectionSecrets.passwordsIn(null).isEmpty());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "postgress://app:hunter22@db.example.com/app", "http://app:hunter22@db.example.com/app",
            "postgresql:/app:hunter22@db.example.com/app", "app:hunter22@db.example.com/app",
            "--production-url=app:hunter22@db.example.com/app", "jdbc:postgresql://app:hunter22@db.example.com/app"})
    void findsThePasswordInAUrlWithAnyOrNoScheme(String url) {
        assertEquals(List.of("hunter22"), ConnectionSecrets.passwordsIn(url));
    }
}
