package io.neontwin.reversetwin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements PostgreSQL refuses inside a transaction block, and how each is rehearsed in one. */
class TransactionRulesTest {

    private static SqlStatement statement(String sql) {
        return SqlSplitter.split(sql).getFirst();
    }

    private static boolean needsAutocommit(String sql) {
        return TransactionRules.needsAutocommit(statement(sql));
    }

    private static Optional<String> rehearsal(String sql) {
        return TransactionRules.rehearsalForm(statement(sql));
    }

    @Test
    void concurrentIndexStatementsNeedAutocommit() {
        assertTrue(needsAutocommit("CREATE INDEX CONCURRENTLY orders_at ON orders (at)"));
        assertTrue(needsAutocommit("create unique index concurrently orders_no ON orders (no)"));
        assertTrue(needsAutocommit("DROP INDEX CONCURRENTLY IF EXISTS orders_at"));
        assertTrue(needsAutocommit("REINDEX INDEX CONCURRENTLY orders_at"));
        assertTrue(needsAutocommit("REINDEX (VERBOSE, CONCURRENTLY) TABLE orders"));
    }

    @Test
    void statementsWithNoTransactionalFormNeedAutocommit() {
        for (String sql : List.of("VACUUM orders", "VACUUM (FULL, ANALYZE) orders", "CREATE DATABASE reports",
                "DROP DATABASE old", "CREATE TABLESPACE fast LOCATION '/ssd'", "DROP TABLESPACE fast",
                "ALTER SYSTEM SET work_mem = '64MB'", "ALTER DATABASE app SET TABLESPACE fast", "CLUSTER",
                "CLUSTER VERBOSE", "REINDEX SCHEMA public", "REINDEX DATABASE app",
                "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p")) {
            assertTrue(needsAutocommit(sql), sql);
            assertEquals(Optional.empty(), rehearsal(sql), sql);
        }
    }

    @Test
    void ordinaryStatementsRunInATransactionAndAreRehearsedAsWritten() {
        for (String sql : List.of("CREATE INDEX orders_at ON orders (at)", "CLUSTER orders USING orders_pkey",
                "ALTER TYPE mood ADD VALUE 'meh'", "REINDEX TABLE orders", "REINDEX (CONCURRENTLY false) TABLE orders",
                "ALTER DATABASE app SET work_mem = '64MB'", "ANALYZE orders", "SET TRANSACTION READ WRITE",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY totals", "PREPARE q AS SELECT 1")) {
            assertFalse(needsAutocommit(sql), sql);
            assertEquals(Optional.of(sql), rehearsal(sql), sql);
        }
    }

    @Test
    void keywordsInCommentsAndStringsDoNotMakeAStatementNonTransactional() {
        assertFalse(needsAutocommit("-- VACUUM later\nCREATE INDEX /* CONCURRENTLY */ i ON t (a)"));
        assertFalse(needsAutocommit("COMMENT ON TABLE t IS 'VACUUM; CREATE INDEX CONCURRENTLY'"));
    }

    @Test
    void leadingCommentsAreSkippedBeforeTheKeywords() {
        assertTrue(TransactionRules.needsAutocommit(new SqlStatement("/* big */ -- table\nVACUUM orders", 1, 0)));
    }

    @Test
    void rehearsalBlanksOutConcurrentlyKeepingEveryPositionInPlace() {
        String sql = "CREATE UNIQUE INDEX CONCURRENTLY orders_no\n  ON orders (no)";

        assertEquals(Optional.of("CREATE UNIQUE INDEX " + blank("CONCURRENTLY") + " orders_no\n  ON orders (no)"),
                rehearsal(sql));
        assertEquals(Optional.of("DROP INDEX " + blank("CONCURRENTLY") + " IF EXISTS orders_at"),
                rehearsal("DROP INDEX CONCURRENTLY IF EXISTS orders_at"));
        assertEquals(Optional.of("REINDEX INDEX " + blank("CONCURRENTLY") + " orders_at"),
                rehearsal("REINDEX INDEX CONCURRENTLY orders_at"));
    }

    @Test
    void rehearsalDropsConcurrentlyFromAReindexOptionList() {
        assertEquals(Optional.of("REINDEX " + blank("(CONCURRENTLY)") + " TABLE t"),
                rehearsal("REINDEX (CONCURRENTLY) TABLE t"));
        assertEquals(Optional.of("REINDEX (VERBOSE" + blank(", CONCURRENTLY true") + ") TABLE t"),
                rehearsal("REINDEX (VERBOSE, CONCURRENTLY true) TABLE t"));
        assertEquals(Optional.of("REINDEX (" + blank("CONCURRENTLY, ") + "VERBOSE) TABLE t"),
                rehearsal("REINDEX (CONCURRENTLY, VERBOSE) TABLE t"));
    }

    private static String blank(String removed) {
        return " ".repeat(removed.length());
    }

    @Test
    void aTransactionAroundTheWholeFileIsDropped() {
        List<SqlStatement> statements = SqlSplitter.split("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;");

        assertEquals(List.of("CREATE TABLE a (id int)"),
                TransactionRules.withoutWrappingTransaction(statements).stream().map(SqlStatement::sql).toList());
        assertEquals(1, TransactionRules.withoutWrappingTransaction(
                SqlSplitter.split("start transaction; SELECT 1; end;")).size());
        assertEquals(1, TransactionRules.withoutWrappingTransaction(
                SqlSplitter.split("BEGIN TRANSACTION; SELECT 1; COMMIT WORK;")).size());
    }

    @Test
    void transactionControlInsideTheFileIsRefusedNamingItsLine() {
        for (String text : List.of("SELECT 1;\nCOMMIT;\nSELECT 2;", "SELECT 1;\nROLLBACK;", "SELECT 1;\nSAVEPOINT a;",
                "BEGIN;\nSELECT 1;", "SELECT 1;\nCOMMIT;", "BEGIN;\nCOMMIT;\nBEGIN;\nCOMMIT;")) {
            List<SqlStatement> statements = SqlSplitter.split(text);
            SqlSyntaxError error = assertThrows(SqlSyntaxError.class,
                    () -> TransactionRules.withoutWrappingTransaction(statements), text);
            assertTrue(error.problem().contains("migration files must not do"), error.problem());
            int expectedLine = text.startsWith("BEGIN;\nSELECT") ? 1 : 2;
            assertEquals(expectedLine, error.line(), text);
        }
    }

    @Test
    void aWrappingTransactionAroundAConcurrentIndexIsRefused() {
        List<SqlStatement> statements = SqlSplitter.split("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;");

        SqlSyntaxError error = assertThrows(SqlSyntaxError.class,
                () -> TransactionRules.withoutWrappingTransaction(statements));
        assertEquals(2, error.line());
        assertTrue(error.problem().contains("remove the BEGIN and COMMIT"), error.problem());
    }

    @Test
    void aWordBeginInsideAFunctionBodyIsNoTransactionControl() {
        List<SqlStatement> statements = SqlSplitter.split(
                "DO $$ BEGIN PERFORM 1; COMMIT; END $$;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;");

        assertEquals(2, TransactionRules.withoutWrappingTransaction(statements).size());
    }
}
