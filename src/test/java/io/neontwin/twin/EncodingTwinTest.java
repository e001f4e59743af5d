package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A production database in any encoding PostgreSQL accepts as a server encoding is twinned into a twin of the same
 * encoding, with non-ASCII table and column names (through pre-data, the copy and post-data) and non-ASCII data intact.
 */
class EncodingTwinTest {
    /** Characters from many scripts; each encoding gets those it can hold. */
    private static final List<String> CANDIDATES = List.of("é", "ü", "ł", "ő", "ж", "д", "ї", "α", "β", "ש", "י", "ğ", "ā", "ŵ",
            "ไ", "ก", "日", "本", "한", "中", "ø", "ß", "č", "ع", "ر");

    @ParameterizedTest
    // one or two of each family of server encodings: all 34 passed once; the others share these code paths, and each
    // case costs a twin run (add the rest back when touching encodings: LATIN3-8, LATIN10, ISO_8859_6/8, WIN874,
    // WIN1250/1253-1258, KOI8R)
    @ValueSource(strings = {"LATIN1", "LATIN2", "LATIN9", "ISO_8859_5", "ISO_8859_7", "WIN866", "WIN1251", "WIN1252", "KOI8U",
            "EUC_CN", "EUC_JP", "EUC_JIS_2004", "EUC_KR", "EUC_TW", "SQL_ASCII", "UTF8"})
    void aProductionInThisEncodingIsTwinnedWithNonAsciiNamesAndDataIntact(String encoding) throws SQLException {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        String database = "enc_" + encoding.toLowerCase(Locale.ROOT);
        production.dropDatabase(database);
        production.execute("postgres", "CREATE DATABASE " + database + " ENCODING '" + encoding
                + "' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        String letters = lettersOf(production, encoding);
        assertEquals(2, letters.codePointCount(0, letters.length()), "two non-ASCII letters fit " + encoding);
        String table = "tab" + letters;
        String column = "col" + letters;
        production.execute(database, "CREATE TABLE \"" + table + "\" (id int PRIMARY KEY, \"" + column + "\" text)",
                "CREATE INDEX \"idx" + letters + "\" ON \"" + table + "\" (\"" + column + "\")",
                "COMMENT ON TABLE \"" + table + "\" IS '" + letters + "'",
                "INSERT INTO \"" + table + "\" SELECT g, repeat('" + letters + "', g % 5) FROM generate_series(1, 200) g");
        twin.dropDatabase(database + "_twin");

        TwinResult result = TwinFixtures.twin(production, database, twin, database + "_twin");

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(encoding, twin.queryString("postgres", "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '"
                + database + "_twin'"));
        String rows = "SELECT string_agg(id || ':' || \"" + column + "\", ',' ORDER BY id) FROM \"" + table + "\"";
        assertEquals(production.queryString(database, rows), twin.queryString(database + "_twin", rows));
        String index = "SELECT count(*) FROM pg_indexes WHERE indexname = 'idx" + letters + "'";
        assertEquals(1, twin.queryLong(database + "_twin", index), "post-data built the index with its non-ASCII name");
        assertEquals(letters, twin.queryString(database + "_twin", "SELECT obj_description('\"" + table + "\"'::regclass)"));
        production.dropDatabase(database);
        twin.dropDatabase(database + "_twin");
    }

    @Test
    void aTwinServerWithoutProductionsLocaleIsSaidBeforeAnyWriteAndTheTwinUsesOneThatFits() {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "without-locale");
        String locale = production.queryString("postgres", "SELECT collcollate FROM pg_collation WHERE collprovider = 'c' "
                + "AND collencoding = pg_char_to_encoding('UTF8') AND collname NOT IN ('C', 'POSIX', 'ucs_basic') ORDER BY collname LIMIT 1");
        assumeTrue(locale != null, "skipped: the operating system has no UTF-8 locale besides C");
        production.dropDatabase("enc_locale");
        production.execute("postgres", "CREATE DATABASE enc_locale ENCODING 'UTF8' LC_COLLATE '" + locale + "' LC_CTYPE '" + locale
                + "' TEMPLATE template0");
        production.execute("enc_locale", "CREATE TABLE words (w text)", "INSERT INTO words VALUES ('b'), ('a')");
        // the twin's server lists no such locale (as a server whose operating system lacks it)
        twin.execute("postgres", "DELETE FROM pg_collation WHERE collprovider = 'c' AND collcollate = '" + locale + "'");
        assumeTrue(!locale.equals(twin.queryString("postgres", "SELECT datcollate FROM pg_database WHERE datname = 'postgres'")),
                "skipped: the twin server's own locale is " + locale);
        twin.dropDatabase("enc_locale_twin");

        TwinResult planned = TwinFixtures.twin(TwinFixtures.options(production, "enc_locale", twin, "enc_locale_twin").withDryRun(true));

        assertEquals(ExitCode.OK, planned.exitCode(), () -> String.valueOf(planned.report().failure()));
        assertTrue(planned.report().warnings().stream().anyMatch(w -> w.contains("has no locale " + locale)), planned.report().warnings()::toString);
        assertFalse(TwinFixtures.databaseExists(twin, "enc_locale_twin"));

        TwinResult result = TwinFixtures.twin(production, "enc_locale", twin, "enc_locale_twin");

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(2, twin.queryLong("enc_locale_twin", "SELECT count(*) FROM words"));
        assertEquals("UTF8", twin.queryString("postgres", "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'enc_locale_twin'"));
    }

    /** Two of the candidate characters that round-trip through the encoding. */
    private static String lettersOf(TestServer server, String encoding) throws SQLException {
        if (encoding.equals("SQL_ASCII")) {
            return "éü"; // no conversion at all: the UTF-8 bytes are stored as they come
        }
        List<String> fit = new ArrayList<>();
        try (Connection connection = server.connect("postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT convert_from(convert_to(?, ?), ?) = ?")) {
            for (String candidate : CANDIDATES) {
                statement.setString(1, candidate);
                statement.setString(2, encoding);
                statement.setString(3, encoding);
                statement.setString(4, candidate);
                connection.setAutoCommit(false);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        fit.add(candidate);
                    }
                    connection.commit();
                } catch (SQLException notInEncoding) {
                    connection.rollback();
                }
                if (fit.size() == 2) {
                    break;
                }
            }
        }
        return String.join("", fit);
    }
}
