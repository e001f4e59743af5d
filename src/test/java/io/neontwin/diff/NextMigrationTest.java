package io.neontwin.diff;

import io.neontwin.reversetwin.Migration;
import io.neontwin.reversetwin.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The written migration is named as the folder's migration tool names its files, so that tool finds it too. */
class NextMigrationTest {
    @TempDir
    Path folder;

    @Test
    void aGolangMigrateFolderGetsTheNextUpFile() throws IOException {
        Files.writeString(folder.resolve("1_create_orders.up.sql"), "CREATE TABLE orders (id int);");
        Files.writeString(folder.resolve("1_create_orders.down.sql"), "DROP TABLE orders;");
        Files.writeString(folder.resolve("2_add_total.up.sql"), "ALTER TABLE orders ADD COLUMN total int;");

        Path written = NextMigration.write(folder, "Add note", "ALTER TABLE orders ADD COLUMN note text;", "--write");

        assertEquals(folder.resolve("3_add_note.up.sql"), written);
        List<Migration> read = MigrationFolder.load(folder, "--migrations");
        assertEquals(List.of("1", "2", "3"), read.stream().map(m -> m.version().toString()).toList());
    }

    @Test
    void aFlywayFolderGetsTheNextVersionedFile() throws IOException {
        Files.writeString(folder.resolve("V1__create_orders.sql"), "CREATE TABLE orders (id int);");

        assertEquals(folder.resolve("V2__add_note.sql"), NextMigration.fileFor(folder, "add note", "--write"));
    }
}
