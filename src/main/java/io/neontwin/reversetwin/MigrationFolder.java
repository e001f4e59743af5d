package io.neontwin.reversetwin;

import java.nio.file.Path;
import java.util.List;

/**
 * The migrations folder: every V&lt;version&gt;__&lt;description&gt;.sql file in it (and in its subfolders), read,
 * checksummed, split into statements and sorted by version.
 */
public final class MigrationFolder {
    private MigrationFolder() {
    }

    /**
     * @param inputName how the user named the folder (--migrations, input migrations-path), for error sentences
     * @throws io.neontwin.errors.UserError MIGRATIONS_INVALID for a missing folder, a bad file name, a duplicate
     *                                      version or a file that cannot be split (unterminated quote...)
     */
    public static List<Migration> load(Path folder, String inputName) {
        throw new UnsupportedOperationException("being built");
    }
}
