package io.neontwin.connection;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection strings as Neon, RDS and libpq users write them, and the one-sentence errors for those that are not. */
class ConnectionSpecTest {

    @BeforeEach
    void forgetSecrets() {
        // Redaction must not be what keeps a password out of a message: start every test knowing no secret.
        Secrets.clearForTests();
    }

    @Nested
    class UrisAsProvidersHandThemOut {
        @Test
        void neonUrlWithEncodedPasswordAndChannelBindingParses() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url",
                    "postgresql://neondb_owner:npg_AbC%40%2Fx@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require");

            assertEquals(List.of(new ConnectionSpec.HostPort("ep-cool-darkness-123456.us-east-2.aws.neon.tech", 5432)), spec.hosts());
            assertEquals("neondb", spec.database());
            assertEquals("neondb_owner", spec.user());
            assertEquals("npg_AbC@/x", spec.password());
            assertEquals("require", spec.parameters().get("sslmode"));
            assertEquals("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech:5432/neondb", spec.jdbcUrl());

            Properties jdbc = spec.jdbcProperties();
            assertEquals("neondb_owner", jdbc.getProperty("user"));
            assertEquals("npg_AbC@/x", jdbc.getProperty("password"));
            assertEquals("require", jdbc.getProperty("sslmode"));
            assertEquals("require", jdbc.getProperty("channelBinding"));
        }

        @Test
        void rdsUrlWithPortAndRootCertificateParses() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url",
                    "postgres://admin:p%23ss@mydb.abc123.us-east-1.rds.amazonaws.com:5432/app?sslmode=verify-full&sslrootcert=/certs/rds.pem");

            assertEquals("mydb.abc123.us-east-1.rds.amazonaws.com", spec.primaryHost().host());
            assertEquals(5432, spec.primaryHost().port());
            assertEquals("app", spec.database());
            assertEquals("admin", spec.user());
            assertEquals("p#ss", spec.password());
            Properties jdbc = spec.jdbcProperties();
            assertEquals("verify-full", jdbc.getProperty("sslmode"));
            assertEquals("/certs/rds.pem", jdbc.getProperty("sslrootcert"));
        }

        @Test
        void libpqSettingsReachTheJdbcDriverUnderTheDriversNames() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url",
                    "postgresql://u@db.example.com/app?connect_timeout=7&application_name=nightly&options=-c%20statement_timeout%3D0"
                            + "&target_session_attrs=read-write&sslrootcert=system&keepalives=0");

            Properties jdbc = spec.jdbcProperties();
            assertAll(
                    () -> assertEquals("7", jdbc.getProperty("connectTimeout")),
                    () -> assertEquals("nightly", jdbc.getProperty("ApplicationName")),
                    () -> assertEquals("-c statement_timeout=0", jdbc.getProperty("options")),
                    () -> assertEquals("primary", jdbc.getProperty("targetServerType")),
                    () -> assertEquals("org.postgresql.ssl.DefaultJavaSSLFactory", jdbc.getProperty("sslfactory")),
                    () -> assertEquals("false", jdbc.getProperty("tcpKeepAlive")),
                    () -> assertNull(jdbc.getProperty("password"), "no password was given"));
        }

        @Test
        void ipv6HostsKeepTheirBracketsInUrlsAndLoseThemInConninfo() {
            ConnectionSpec spec = ConnectionSpec.parse("--twin-url", "postgresql://u:pw@[2001:db8::1]:6543/app");

            assertEquals(new ConnectionSpec.HostPort("2001:db8::1", 6543), spec.primaryHost());
            assertEquals("jdbc:postgresql://[2001:db8::1]:6543/app", spec.jdbcUrl());
            assertTrue(spec.libpqConninfo().contains("host='2001:db8::1' port='6543'"), spec.libpqConninfo());
        }

        @Test
        void multipleHostsWithTheirOwnPortsAreKeptInOrder() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url",
                    "postgresql://u:pw@primary.example.com:5433,standby.example.com:5434/app?target_session_attrs=read-write");

            assertEquals(List.of(new ConnectionSpec.HostPort("primary.example.com", 5433),
                    new ConnectionSpec.HostPort("standby.example.com", 5434)), spec.hosts());
            assertEquals("jdbc:postgresql://primary.example.com:5433,standby.example.com:5434/app", spec.jdbcUrl());
            assertTrue(spec.libpqConninfo().startsWith("host='primary.example.com,standby.example.com' port='5433,5434'"),
                    spec.libpqConninfo());
        }

        @Test
        void hostsWithoutPortsUseTheDefaultPort() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", "postgresql://u@a.example.com,b.example.com/app");

            assertEquals(List.of(new ConnectionSpec.HostPort("a.example.com", 5432), new ConnectionSpec.HostPort("b.example.com", 5432)),
                    spec.hosts());
        }
    }

    @Nested
    class KeyValueStrings {
        @Test
        void quotedValuesKeepSpacesAndEscapedQuotes() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url",
                    "host=db.example.com port=5433 dbname='my db' user=app password='it\\'s a \\\\secret' sslmode=require");

            assertEquals(new ConnectionSpec.HostPort("db.example.com", 5433), spec.primaryHost());
            assertEquals("my db", spec.database());
            assertEquals("app", spec.user());
            assertEquals("it's a \\secret", spec.password());
            assertEquals("require", spec.jdbcProperties().getProperty("sslmode"));
            assertEquals("jdbc:postgresql://db.example.com:5433/my%20db", spec.jdbcUrl());
        }

        @Test
        void spacesAroundTheEqualsSignAreAllowed() {
            ConnectionSpec spec = ConnectionSpec.parse("--twin-url", "host = h.example.com  dbname =  app  user= me");

            assertEquals("h.example.com", spec.primaryHost().host());
            assertEquals("app", spec.database());
            assertEquals("me", spec.user());
        }

        @Test
        void hostAndPortListsPairUp() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", "host=a.example.com,b.example.com port=5433,5434 dbname=app");

            assertEquals(List.of(new ConnectionSpec.HostPort("a.example.com", 5433), new ConnectionSpec.HostPort("b.example.com", 5434)),
                    spec.hosts());
        }
    }

    @Nested
    class PasswordsStayOutOfToolCommandLines {
        private static final String URL = "postgresql://owner:S3cr3t-P%40ss@ep-x.neon.tech/neondb?sslmode=require&application_name=o'brien";

        @Test
        void conninfoCarriesEverythingButThePassword() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", URL);

            String conninfo = spec.libpqConninfo();
            assertFalse(conninfo.contains("S3cr3t"), conninfo);
            assertFalse(conninfo.contains("password"), conninfo);
            assertEquals("host='ep-x.neon.tech' port='5432' dbname='neondb' user='owner' sslmode='require' application_name='o\\'brien'",
                    conninfo);
        }

        @Test
        void thePasswordTravelsInTheEnvironment() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", URL);

            assertEquals("S3cr3t-P@ss", spec.libpqEnvironment().get("PGPASSWORD"));
        }

        @Test
        void descriptionsNameHostAndDatabaseOnly() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", URL);

            assertEquals("ep-x.neon.tech:5432/neondb", spec.describe());
            assertEquals(spec.describe(), spec.toString());
        }

        @Test
        void parsingRegistersThePasswordInEveryFormAsASecret() {
            ConnectionSpec.parse("--production-url", URL);

            assertEquals("at *** and ***", Secrets.redact("at S3cr3t-P@ss and S3cr3t-P%40ss"));
        }
    }

    @Nested
    class MalformedInputsEndInOneSentence {
        private static final String PASSWORD = "S3cr3t-P@ss";

        private UserError rejected(String input, String text) {
            return assertThrows(UserError.class, () -> ConnectionSpec.parse(input, text));
        }

        private void assertOneSentenceNamingInputWithoutPassword(UserError error, String input) {
            String message = error.getMessage();
            assertAll(
                    () -> assertEquals(ExitCode.INVALID_INPUT, error.exitCode()),
                    () -> assertTrue(message.startsWith(input + " "), message),
                    () -> assertTrue(message.endsWith("."), message),
                    () -> assertFalse(message.contains("\n"), message),
                    () -> assertFalse(message.contains("S3cr"), message),
                    () -> assertFalse(message.contains("P@ss"), message),
                    () -> assertFalse(message.contains("P%40ss"), message));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                no host                      | postgresql://u:S3cr3t-P%40ss@/db                         | names no host
                no database                  | postgresql://u:S3cr3t-P%40ss@db.example.com              | names no database
                empty database               | postgresql://u:S3cr3t-P%40ss@db.example.com/             | names no database
                non-numeric port             | postgresql://u:S3cr3t-P%40ss@db.example.com:54x2/db      | port '54x2' is not a number
                port out of range            | postgresql://u:S3cr3t-P%40ss@db.example.com:70000/db     | port '70000' is not a number
                bad percent-encoding         | postgresql://u:S3cr3t-P%4@db.example.com/db              | invalid percent-encoding
                unknown parameter            | postgresql://u:S3cr3t-P%40ss@db.example.com/db?sslmod=require | unknown parameter 'sslmod'
                parameter without value      | postgresql://u:S3cr3t-P%40ss@db.example.com/db?sslmode   | query parameter 'sslmode' has no value
                unencoded '#' in password    | postgresql://u:S3cr3t#P@db.example.com/db                | percent-encode it as %23
                unencoded '/' in password    | postgresql://u:S3cr3t/P@db.example.com/db                | write '/' as %2F
                unencoded '?' in password    | postgresql://u:S3cr3t?P@db.example.com/db                | '?' as %3F
                unclosed IPv6 bracket        | postgresql://u:S3cr3t-P%40ss@[2001:db8::1/db             | lacks its closing ']'
                hosts and ports differ       | postgresql://u:S3cr3t-P%40ss@a:1,b:2,c/db?port=1,2       | 3 hosts but 2 ports
                unix socket                  | host=/var/run/postgresql dbname=db password=S3cr3t-P@ss  | Unix-domain sockets are not supported
                key without '='              | host=h dbname                                            | word 'dbname' has no '='
                unclosed quote               | host=h dbname=db password='S3cr3t-P@ss                   | lacks its closing quote
                unknown key                  | host=h dbname=db pasword=S3cr3t-P@ss                     | unknown parameter 'pasword'
                """)
        void namesTheInputAndTheProblem(String description, String text, String problem) {
            UserError error = rejected("--production-url", text);

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
            assertTrue(error.getMessage().contains(problem), error.getMessage());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                misspelt scheme              | postgress://u:S3cr3t-P%40ss@db.example.com/db           | unknown scheme 'postgress'; use postgresql://
                web scheme                   | http://u:S3cr3t-P@ss@db.example.com/db                  | unknown scheme 'http'; use postgresql://
                upper-case scheme            | POSTGRESQL://u:S3cr3t-P%40ss@db.example.com/db          | scheme 'POSTGRESQL' must be written in lower case
                driver-qualified scheme      | postgresql+psycopg2://u:S3cr3t-P%40ss@db.example.com/db | unknown scheme 'postgresql+psycopg2'; use postgresql://
                one slash                    | postgresql:/u:S3cr3t-P%40ss@db.example.com/db           | 'postgresql:' must be followed by '//'
                no scheme at all             | u:S3cr3t-P@ss@db.example.com/db                         | it has no scheme
                jdbc url                     | jdbc:postgresql://u:S3cr3t-P%40ss@db.example.com/db     | unknown scheme 'jdbc'; use postgresql://
                """)
        void aUrlWithAnotherSchemeSaysWhichSchemeWithoutThePassword(String description, String text, String problem) {
            UserError error = rejected("--production-url", text);

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
            assertTrue(error.getMessage().contains(problem), error.getMessage());
            assertFalse(error.getMessage().contains("db.example.com/db"), "the string is not echoed: " + error.getMessage());
        }

        @Test
        void everyMalformedMessageShowsTheExpectedForm() {
            UserError error = rejected("--twin-url", "postgresql://u@/db");

            assertTrue(error.getMessage().contains("use postgresql://USER:PASSWORD@HOST:PORT/DATABASE"), error.getMessage());
        }

        @Test
        void emptyInputSaysWhatToSetItTo() {
            UserError error = rejected("--twin-url", "   ");

            assertOneSentenceNamingInputWithoutPassword(error, "--twin-url");
            assertTrue(error.getMessage().contains("is empty"), error.getMessage());
        }

        @Test
        void aPasswordCutByAnUnencodedSlashIsNotQuotedAsAPort() {
            // Without the check the '/' would end the authority: host "u", port "S3cr3t" (a piece of the password).
            UserError error = rejected("--production-url", "postgresql://u:S3cr3t/x@db.example.com:5432/db?sslmode=require");

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
            assertTrue(error.getMessage().contains("not percent-encoded"), error.getMessage());
        }

        @Test
        void anUnquotedPasswordWithASpaceIsNotQuotedAsAWord() {
            UserError error = rejected("--production-url", "host=h dbname=db password=S3cr3t P@ss");

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
            assertTrue(error.getMessage().contains("has no '='"), error.getMessage());
            assertTrue(error.getMessage().contains("single quotes"), error.getMessage());
        }

        @Test
        void anUnencodedAmpersandInAQueryPasswordIsNotQuotedAsAParameter() {
            UserError error = rejected("--production-url", "postgresql://db.example.com/db?user=u&password=S3cr3t&P@ss");

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
        }

        @Test
        void aPasswordWithAnEqualsSignAndAnUnencodedSlashIsNotQuoted() {
            // Passes the '/' check (it looks like a query), so only the quoting guard keeps "S3cr" out of the port error.
            UserError error = rejected("--production-url", "postgresql://u:S3cr/3t=P@db.example.com/db");

            assertOneSentenceNamingInputWithoutPassword(error, "--production-url");
        }
    }

    /** libpq's order: the string's values, then the service file's section, then PG* variables, then the password file. */
    @Nested
    class WhatLibpqAddsFromTheEnvironment {
        @org.junit.jupiter.api.io.TempDir
        java.nio.file.Path home;

        private java.nio.file.Path write(String name, String content, String permissions) throws java.io.IOException {
            java.nio.file.Path file = home.resolve(name);
            java.nio.file.Files.writeString(file, content);
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
            return file;
        }

        @Test
        void variablesFillOnlyWhatTheStringLeavesOut() {
            ConnectionSpec spec = ConnectionSpec.parse("--production-url", "postgresql://app@db.example.com/shop?sslmode=require",
                    java.util.Map.of("HOME", home.toString(), "PGPASSWORD", "from-env-pw", "PGSSLMODE", "disable",
                            "PGHOST", "other.example.com", "PGSSLROOTCERT", "/certs/root.pem", "PGUSER", "other"));

            assertEquals("from-env-pw", spec.password());
            assertEquals("require", spec.parameters().get("sslmode"));
            assertEquals("db.example.com", spec.primaryHost().host());
            assertEquals("app", spec.user());
            assertEquals("/certs/root.pem", spec.parameters().get("sslrootcert"));
            assertEquals("from-env-pw", spec.libpqEnvironment().get("PGPASSWORD"));
            assertEquals("from-env-pw", spec.jdbcProperties().getProperty("password"));
        }

        @Test
        void aServiceNamedByPgserviceSuppliesHostDatabaseAndSettings() throws java.io.IOException {
            java.nio.file.Path services = write("services.conf", """
                    # production
                    [prod]
                    host=db.example.com
                    port=6543
                    dbname=shop
                    user=app
                    sslmode=verify-full
                    [other]
                    host=elsewhere
                    """, "rw-------");

            ConnectionSpec spec = ConnectionSpec.parse("--production-url", "sslmode=require",
                    java.util.Map.of("HOME", home.toString(), "PGSERVICE", "prod", "PGSERVICEFILE", services.toString()));

            assertEquals(new ConnectionSpec.HostPort("db.example.com", 6543), spec.primaryHost());
            assertEquals("shop", spec.database());
            assertEquals("app", spec.user());
            assertEquals("require", spec.parameters().get("sslmode"), "the string's own value wins over the service's");
        }

        @Test
        void aServiceNoFileDefinesIsOneSentence() {
            UserError error = assertThrows(UserError.class, () -> ConnectionSpec.parse("--production-url",
                    "service=nowhere", java.util.Map.of("HOME", home.toString())));

            assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
            assertTrue(error.getMessage().contains("names service 'nowhere', which no service file defines"), error.getMessage());
        }

        @Test
        void thePasswordFileSuppliesAMissingPasswordAndItIsASecret() throws java.io.IOException {
            java.nio.file.Path passfile = write("pass", "other.example.com:5432:*:app:wrong\n"
                    + "db.example.com:*:shop:app:pa\\:ss-from-file\n", "rw-------");

            ConnectionSpec spec = ConnectionSpec.parse("--production-url", "postgresql://app@db.example.com/shop",
                    java.util.Map.of("HOME", home.toString(), "PGPASSFILE", passfile.toString()));

            assertEquals("pa:ss-from-file", spec.password());
            assertEquals("***", Secrets.redact("pa:ss-from-file"));
        }

        @Test
        void pgpassInTheHomeFolderIsReadButNotWhenOthersCanReadIt() throws java.io.IOException {
            write(".pgpass", "*:*:*:*:home-pw\n", "rw-------");
            assertEquals("home-pw", ConnectionSpec.parse("--twin-url", "postgresql://app@h.example.com/db",
                    java.util.Map.of("HOME", home.toString())).password());

            write(".pgpass", "*:*:*:*:home-pw\n", "rw-r--r--");
            assertNull(ConnectionSpec.parse("--twin-url", "postgresql://app@h.example.com/db",
                    java.util.Map.of("HOME", home.toString())).password());
        }
    }

    @Nested
    class DerivedSpecs {
        @Test
        void withDatabaseAndWithParameterKeepEverythingElse() {
            ConnectionSpec spec = ConnectionSpec.parse("--twin-url", "postgresql://u:pw@h.example.com:5433/twin?sslmode=require");

            ConnectionSpec staging = spec.withDatabase("twin_staging").withParameter("application_name", "neon-twin");

            assertEquals("twin_staging", staging.database());
            assertEquals(spec.hosts(), staging.hosts());
            assertEquals("pw", staging.password());
            assertEquals("require", staging.parameters().get("sslmode"));
            assertEquals("neon-twin", staging.jdbcProperties().getProperty("ApplicationName"));
            assertEquals("twin", spec.database(), "the original is unchanged");
        }
    }
}
