package io.neontwin.twin;

/**
 * An order-independent digest of a table's rows: the 64-bit hash of each row's COPY text, summed. The copy computes
 * it on what it read from production's snapshot; verification computes it again on what the twin holds. Rows arrive
 * in any order and in parallel ranges, so the digest must not depend on order; a sum of strong per-row hashes does not.
 */
final class RowHasher {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private long sum;
    private long rows;

    void add(byte[] row, int length) {
        sum += hash(row, length);
        rows++;
    }

    void merge(RowHasher other) {
        sum += other.sum;
        rows += other.rows;
    }

    long digest() {
        return sum;
    }

    long rows() {
        return rows;
    }

    /** A 64-bit hash in the style of MurmurHash3's finaliser, 8 bytes at a time. */
    static long hash(byte[] data, int length) {
        long h = SEED ^ (length * 0xC6A4A7935BD1E995L);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long k = (data[i] & 0xFFL) | (data[i + 1] & 0xFFL) << 8 | (data[i + 2] & 0xFFL) << 16 | (data[i + 3] & 0xFFL) << 24
                    | (data[i + 4] & 0xFFL) << 32 | (data[i + 5] & 0xFFL) << 40 | (data[i + 6] & 0xFFL) << 48 | (data[i + 7] & 0xFFL) << 56;
            h ^= mix(k);
            h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (data[i] & 0xFFL) << shift;
        }
        h ^= mix(tail);
        return mix(h ^ length);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
