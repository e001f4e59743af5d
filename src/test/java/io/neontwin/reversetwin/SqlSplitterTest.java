package io.neontwin.reversetwin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The splitter cuts a file where psql would, so the server receives the same statements as from psql -f. */
class SqlSplitterTest {

    private static List<String> sqlOf(String text) {
        return SqlSplitter.split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void semicolonsEndStatementsAndAreNotPartOfThem() {
        assertEquals(List.of("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"),
                sqlOf("CREATE TABLE a (id int);\n  INSERT INTO a VALUES (1);\n"));
    }

    @Test
    void aFinalStatementWithoutSemicolonIsKept() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), sqlOf("SELECT 1;\nSELECT 2\n"));
    }

    @Test
    void emptyStatementsAreSkipped() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), sqlOf(";;SELECT 1;; ;\n;SELECT 2;;"));
    }

    @Test
    void aFileOfCommentsAloneHasNoStatements() {
        assertEquals(List.of(), sqlOf("-- nothing yet\n/* later */\n\n"));
        assertEquals(List.of(), sqlOf(""));
    }

    @Test
    void semicolonInsideSingleQuotedStringDoesNotEndTheStatement() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2"),
                sqlOf("INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT 2"));
    }

    @Test
    void backslashIsLiteralInPlainStringsButEscapesInEStrings() {
        // with standard_conforming_strings on, 'C:\' is a complete string; E'\'' is a string holding one quote
        assertEquals(List.of("SELECT 'C:\\'", "SELECT E'it\\'s; \\\\', e'x\\';y'", "SELECT 3"),
                sqlOf("SELECT 'C:\\'; SELECT E'it\\'s; \\\\', e'x\\';y'; SELECT 3"));
    }

    @Test
    void semicolonInsideQuotedIdentifierDoesNotEndTheStatement() {
        assertEquals(List.of("CREATE TABLE \"odd;\"\"name\" (id int)", "SELECT 2"),
                sqlOf("CREATE TABLE \"odd;\"\"name\" (id int); SELECT 2"));
    }

    @Test
    void semicolonInsideDollarQuotedBodyDoesNotEndTheStatement() {
        String function = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.at := now(); RETURN NEW;
                END $$""";
        assertEquals(List.of(function, "SELECT 2"), sqlOf(function + ";\nSELECT 2;"));
    }

    @Test
    void aTaggedDollarQuoteIsClosedOnlyByTheSameTag() {
        String block = "DO $outer$ BEGIN EXECUTE $q$SELECT 1; $$ ; $q$; END $outer$";
        assertEquals(List.of(block, "SELECT 2"), sqlOf(block + "; SELECT 2"));
    }

    @Test
    void positionalParametersAndDollarsInNamesAreNotDollarQuotes() {
        assertEquals(List.of("PREPARE p AS SELECT $1 + $2", "SELECT a$b$ FROM t$x", "SELECT 3"),
                sqlOf("PREPARE p AS SELECT $1 + $2; SELECT a$b$ FROM t$x; SELECT 3"));
    }

    @Test
    void semicolonInsideCommentsDoesNotEndTheStatementAndInnerCommentsAreKept() {
        assertEquals(List.of("SELECT 1 -- one; two\n  + /* three; /* nested; */ still; */ 2", "SELECT 3"),
                sqlOf("SELECT 1 -- one; two\n  + /* three; /* nested; */ still; */ 2; SELECT 3"));
    }

    @Test
    void leadingCommentsAndTrailingCommentsAreNotPartOfTheStatement() {
        String text = "-- adds the orders table\n/* ticket 42 */\n  CREATE TABLE orders (id int) -- done\n;\n";

        assertEquals(List.of(new SqlStatement("CREATE TABLE orders (id int)", 3, text.indexOf("CREATE"))),
                SqlSplitter.split(text));
    }

    @Test
    void theStatementStartsAtItsOffsetInTheFileOnItsFirstLine() {
        String text = "SELECT 1;\n\n-- next\n   UPDATE t\n   SET a = 1;";
        SqlStatement update = SqlSplitter.split(text).get(1);

        assertEquals(4, update.firstLine());
        assertTrue(text.startsWith(update.sql(), update.offset()), "sql is the file text from its offset on");
    }

    @Test
    void windowsLineEndingsCountAsOneLine() {
        assertEquals(3, SqlSplitter.split("SELECT 1;\r\n\r\nSELECT 2;\r\n").get(1).firstLine());
    }

    @Test
    void beginAtomicBodyStaysOneStatementEvenWithCaseInside() {
        String function = """
                CREATE OR REPLACE FUNCTION grade(score int) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN score > 90 THEN 'A' ELSE 'B' END;
                  SELECT 'done';
                END""";
        assertEquals(List.of(function, "SELECT 2"), sqlOf(function + ";\nSELECT 2;"));
    }

    @Test
    void beginAtomicProcedureBodyStaysOneStatement() {
        String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); DELETE FROM u WHERE x; END";
        assertEquals(List.of(procedure, "SELECT 2"), sqlOf(procedure + "; SELECT 2"));
    }

    @Test
    void beginAndEndOutsideARoutineDefinitionDoNotHoldStatementsTogether() {
        assertEquals(List.of("BEGIN", "SELECT CASE WHEN true THEN 1 END", "END"),
                sqlOf("BEGIN; SELECT CASE WHEN true THEN 1 END; END;"));
    }

    @Test
    void semicolonInsideParenthesesDoesNotEndTheStatement() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2))";
        assertEquals(List.of(rule, "SELECT 2"), sqlOf(rule + "; SELECT 2"));
    }

    @Test
    void anUnterminatedStringNamesTheLineWhereItOpened() {
        SqlSyntaxError error = assertThrows(SqlSyntaxError.class,
                () -> SqlSplitter.split("SELECT 1;\nINSERT INTO t VALUES ('oops);\nSELECT 2;\n"));

        assertEquals(2, error.line());
        assertTrue(error.getMessage().startsWith("line 2: "), error.getMessage());
        assertTrue(error.problem().contains("quoted string"), error.problem());
    }

    @Test
    void anUnterminatedCommentIdentifierOrDollarQuoteNamesItsLine() {
        assertEquals(2, assertThrows(SqlSyntaxError.class, () -> SqlSplitter.split("SELECT 1;\n/* /* */ SELECT 2;")).line());
        assertEquals(1, assertThrows(SqlSyntaxError.class, () -> SqlSplitter.split("SELECT \"a;\nb")).line());
        SqlSyntaxError dollar = assertThrows(SqlSyntaxError.class,
                () -> SqlSplitter.split("\n\nDO $body$ BEGIN END $$;"));
        assertEquals(3, dollar.line());
        assertTrue(dollar.problem().contains("$body$"), dollar.problem());
    }

    @Test
    void aPsqlMetaCommandIsRefused() {
        SqlSyntaxError error = assertThrows(SqlSyntaxError.class,
                () -> SqlSplitter.split("SELECT 1;\n\\i other.sql\nSELECT 2;"));

        assertEquals(2, error.line());
        assertTrue(error.problem().contains("psql meta-commands such as \\i are not supported in migrations"),
                error.problem());
    }

    @Test
    void aBackslashInsideQuotesOrCommentsIsNoMetaCommand() {
        assertEquals(List.of("SELECT '\n\\connect x'", "SELECT 2"), sqlOf("SELECT '\n\\connect x'; -- \\set\nSELECT 2"));
    }

    @Test
    void aServerErrorPositionMapsToTheFileLineOfThatCharacter() {
        String text = "-- header\nSELECT 1;\nUPDATE t\n  SET a = 1\n  WHERE nope;\n";
        SqlStatement update = SqlSplitter.split(text).get(1);
        int positionOfNope = update.sql().indexOf("nope") + 1;

        assertEquals(5, SqlSplitter.lineOf(text, update, positionOfNope));
        assertEquals(3, SqlSplitter.lineOf(text, update, 1));
    }

    @Test
    void aServerErrorPositionCountsCharactersNotUtf16Units() {
        String text = "SELECT '😀😀😀😀',\n  nope";
        SqlStatement select = SqlSplitter.split(text).getFirst();
        // the server counts each emoji as one character; Java strings hold each as two units
        int position = select.sql().codePointCount(0, select.sql().indexOf("nope")) + 1;

        assertEquals(2, SqlSplitter.lineOf(text, select, position));
    }

    @Test
    void noOrAnOutOfRangePositionGivesTheStatementsFirstLine() {
        String text = "\n\nSELECT\n  1";
        SqlStatement select = SqlSplitter.split(text).getFirst();

        assertEquals(3, SqlSplitter.lineOf(text, select, 0));
        assertEquals(3, SqlSplitter.lineOf(text, select, 99));
    }
}
