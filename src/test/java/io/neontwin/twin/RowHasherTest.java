package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The table digest behind --verify checksums: independent of row order, sensitive to any change in any row. */
class RowHasherTest {
    private static RowHasher digestOf(String... rows) {
        RowHasher hasher = new RowHasher();
        for (String row : rows) {
            byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
            hasher.add(bytes, bytes.length);
        }
        return hasher;
    }

    @Test
    void theSameRowsInAnotherOrderGiveTheSameDigest() {
        assertEquals(digestOf("1\talice\n", "2\tbob\n", "3\tcarol\n").digest(), digestOf("3\tcarol\n", "1\talice\n", "2\tbob\n").digest());
    }

    @Test
    void rangesCopiedInParallelMergeIntoTheWholeTablesDigest() {
        RowHasher first = digestOf("1\talice\n", "2\tbob\n");
        first.merge(digestOf("3\tcarol\n"));
        assertEquals(digestOf("1\talice\n", "2\tbob\n", "3\tcarol\n").digest(), first.digest());
        assertEquals(3, first.rows());
    }

    @Test
    void oneChangedByteMissingRowOrDuplicatedRowChangesTheDigest() {
        long original = digestOf("1\talice\n", "2\tbob\n").digest();
        assertNotEquals(original, digestOf("1\talice\n", "2\tboc\n").digest());
        assertNotEquals(original, digestOf("1\talice\n").digest());
        assertNotEquals(original, digestOf("1\talice\n", "2\tbob\n", "2\tbob\n").digest());
        assertNotEquals(digestOf("ab\n", "c\n").digest(), digestOf("a\n", "bc\n").digest(), "row boundaries matter");
    }
}
