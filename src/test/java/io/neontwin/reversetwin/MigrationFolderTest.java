package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading the migrations folder: which files are migrations, in which order, and what is refused, with which sentence. */
class MigrationFolderTest {
    @TempDir
    Path folder;

    private void write(String file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String file, byte[] bytes) throws IOException {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    private List<Migration> load() {
        return MigrationFolder.load(folder, "--migrations");
    }

    private String refusal() {
        UserError error = assertThrows(UserError.class, this::load);
        assertEquals(ExitCode.MIGRATIONS_INVALID, error.exitCode());
        return error.getMessage();
    }

    @Test
    void flywayFilesAreSortedByVersionAsNumbersAcrossSubfolders() throws IOException {
        write("V10__later.sql", "SELECT 10;");
        write("V2__add_orders_table.sql", "SELECT 2;");
        write("2024/V1_1__split_name.sql", "SELECT 11;");
        write("V1__init.sql", "SELECT 1;");

        List<Migration> migrations = load();

        assertEquals(List.of("1", "1.1", "2", "10"), migrations.stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("V1__init.sql", "2024/V1_1__split_name.sql", "V2__add_orders_table.sql", "V10__later.sql"),
                migrations.stream().map(Migration::file).toList());
        assertEquals("add orders table", migrations.get(2).description());
    }

    @Test
    void aMigrationHoldsItsTextStatementsAndTheSha256OfItsBytes() throws IOException {
        write("V1__init.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n");

        Migration migration = load().getFirst();

        assertEquals("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n", migration.text());
        assertEquals(List.of("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"),
                migration.statements().stream().map(SqlStatement::sql).toList());
        // the SHA-256 of the file's bytes, lower-case hex, as production's history records it
        assertEquals(java.util.HexFormat.of().formatHex(sha256("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n")),
                migration.checksum());
        assertTrue(migration.transactional());
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEmptyDescriptionIsAllowed() throws IOException {
        write("V3__.sql", "SELECT 1;");

        assertEquals("", load().getFirst().description());
    }

    @Test
    void numberedAndUpFilesAreMigrationsAndDownFilesAreIgnored() throws IOException {
        write("20240501093000_add_orders.up.sql", "CREATE TABLE orders (id int);");
        write("20240501093000_add_orders.down.sql", "DROP TABLE orders;");
        write("20240601000000_add_index.sql", "CREATE INDEX i ON orders (id);");

        List<Migration> migrations = load();

        assertEquals(List.of("20240501093000", "20240601000000"),
                migrations.stream().map(m -> m.version().toString()).toList());
        assertEquals("add orders", migrations.getFirst().description());
    }

    @Test
    void onlyTheUpSectionOfADbmateFileIsRun() throws IOException {
        write("20240501093000_add_orders.sql",
                "-- migrate:up\nCREATE TABLE orders (id int);\n\n-- migrate:down\nDROP TABLE orders;\n");

        assertEquals(List.of("CREATE TABLE orders (id int)"),
                load().getFirst().statements().stream().map(SqlStatement::sql).toList());
    }

    @Test
    void otherFilesThanSqlAreIgnored() throws IOException {
        write("README.md", "how we migrate");
        write("V1__init.sql", "SELECT 1;");
        write(".git/V9__stray.sql", "SELECT 9;");

        assertEquals(1, load().size());
    }

    @Test
    void aBadlyNamedSqlFileIsRefusedNamingItAndThePattern() throws IOException {
        write("V1__init.sql", "SELECT 1;");
        write("seeds/users.sql", "SELECT 2;");

        String sentence = refusal();
        assertTrue(sentence.startsWith("--migrations: 'seeds/users.sql' is not named like a migration; name it"
                + " V<version>__<description>.sql"), sentence);
    }

    @Test
    void anUpperCaseSqlExtensionIsRefusedRatherThanLeftOut() throws IOException {
        write("V1__init.sql", "SELECT 1;");
        write("V2__more.SQL", "SELECT 2;");

        assertTrue(refusal().contains("'V2__more.SQL' is not named like a migration"));
    }

    @Test
    void repeatableAndUndoMigrationsAreRefusedAsUnsupported() throws IOException {
        write("V1__init.sql", "SELECT 1;");
        write("R__views.sql", "CREATE VIEW v AS SELECT 1;");
        assertTrue(refusal().contains("'R__views.sql' is a Flyway repeatable migration (R__), which is not supported"));

        Files.delete(folder.resolve("R__views.sql"));
        write("U1__init.sql", "DROP TABLE a;");
        assertTrue(refusal().contains("'U1__init.sql' is a Flyway undo migration (U<version>__), which is not supported"));
    }

    @Test
    void twoFilesWithOneVersionAreRefusedNamingBoth() throws IOException {
        write("V1__a.sql", "SELECT 1;");
        write("V1.0__b.sql", "SELECT 2;");
        assertEquals("--migrations: 'V1.0__b.sql' and 'V1__a.sql' both have version 1; give each migration its own"
                + " version.", refusal());

        Files.delete(folder.resolve("V1.0__b.sql"));
        write("V2__a.sql", "SELECT 1;");
        write("2_b.sql", "SELECT 2;");
        assertTrue(refusal().contains("'2_b.sql' and 'V2__a.sql' both have version 2"));
    }

    @Test
    void aMissingFolderIsRefusedSayingWhereToPointTheInput() {
        Path missing = folder.resolve("nope");

        UserError error = assertThrows(UserError.class, () -> MigrationFolder.load(missing, "--migrations"));
        assertEquals(ExitCode.MIGRATIONS_INVALID, error.exitCode());
        assertEquals("--migrations is '" + missing + "', which does not exist; point it at the folder of"
                + " V<version>__<description>.sql files.", error.getMessage());
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws IOException {
        write("V1__init.sql", "SELECT 1;");
        Path file = folder.resolve("V1__init.sql");

        UserError error = assertThrows(UserError.class, () -> MigrationFolder.load(file, "migrations-path"));
        assertTrue(error.getMessage().contains("which is a file, not a folder"), error.getMessage());
    }

    @Test
    void aLinkToAFileOutsideTheFolderIsRefusedAndNothingIsRead(@TempDir Path elsewhere) throws IOException {
        // A link to /proc/self/environ once sent the process environment, URLs included, to the twin as a query.
        write("V1__init.sql", "SELECT 1;");
        Path outside = Files.writeString(elsewhere.resolve("secret.sql"), "SELECT 'outside';");
        Files.createSymbolicLink(folder.resolve("V2__environ.sql"), outside);

        assertEquals("--migrations: 'V2__environ.sql' is a symbolic link to a file outside the migrations folder; "
                + "copy the file into the folder instead of linking to it.", refusal());
    }

    @Test
    void aLinkToProcSelfEnvironIsRefused() throws IOException {
        write("V1__init.sql", "SELECT 1;");
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("sub/V2__env.sql"), Path.of("/proc/self/environ"));

        assertTrue(refusal().contains("'sub/V2__env.sql' is a symbolic link to a file outside the migrations folder"));
    }

    @Test
    void aLinkThatStaysInsideTheFolderIsAMigration() throws IOException {
        write("shared/create.sql.txt", "CREATE TABLE t (id int);");
        Files.createSymbolicLink(folder.resolve("V1__create.sql"), Path.of("shared/create.sql.txt"));

        assertEquals(List.of("CREATE TABLE t (id int)"), load().get(0).statements().stream().map(SqlStatement::sql).toList());
    }

    @Test
    void aPasswordAMigrationSetsIsASecretOnceTheFolderIsRead() throws IOException {
        io.neontwin.secrets.Secrets.clearForTests();
        write("V1__roles.sql", "CREATE ROLE reader LOGIN PASSWORD $pw$Hunter2-from-file$pw$;\n"
                + "DO $$ BEGIN EXECUTE 'ALTER ROLE reader PASSWORD ''Nested-Hunter3'''; END $$;\n");

        load();

        assertEquals("role reader: *** and ***", io.neontwin.secrets.Secrets.redact("role reader: Hunter2-from-file and Nested-Hunter3"));
        io.neontwin.secrets.Secrets.clearForTests();
    }

    @Test
    void aFolderWithoutMigrationsIsRefused() throws IOException {
        write("README.md", "nothing yet");

        assertTrue(refusal().contains("which holds no migration files"));
    }

    @Test
    void aByteOrderMarkIsDroppedAndTheChecksumStillCoversIt() throws IOException {
        byte[] sql = "SELECT 1;".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[sql.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(sql, 0, withBom, 3, sql.length);
        write("V1__init.sql", withBom);

        Migration migration = load().getFirst();

        assertEquals("SELECT 1;", migration.text());
        assertEquals(0, migration.statements().getFirst().offset());
        assertFalse(migration.checksum().equals(java.util.HexFormat.of().formatHex(sha256("SELECT 1;"))));
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFileAndLine() throws IOException {
        write("V1__init.sql", new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', '\'', (byte) 0xE9, '\'', ';'});

        assertEquals("--migrations: 'V1__init.sql' is not valid UTF-8 (line 2); save it as UTF-8.", refusal());
    }

    @Test
    void aFileTheSplitterCannotReadIsRefusedNamingFileAndLine() throws IOException {
        write("V1__init.sql", "SELECT 1;\n\nINSERT INTO t VALUES ('unclosed);\n");

        String sentence = refusal();
        assertTrue(sentence.startsWith("--migrations: 'V1__init.sql' line 3: a quoted string opened here"), sentence);
    }

    @Test
    void transactionControlInsideAFileIsRefusedButAWrapperAroundItIsDropped() throws IOException {
        write("V1__init.sql", "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n");
        assertEquals(1, load().getFirst().statements().size());

        write("V2__more.sql", "CREATE TABLE b (id int);\nCOMMIT;\nCREATE TABLE c (id int);\n");
        assertTrue(refusal().startsWith("--migrations: 'V2__more.sql' line 2: 'COMMIT' manages the transaction"));
    }

    @Test
    void aFileWithAConcurrentIndexIsNotTransactional() throws IOException {
        write("V1__index.sql", "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n");

        assertFalse(load().getFirst().transactional());
    }
}
