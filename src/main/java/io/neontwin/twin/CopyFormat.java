package io.neontwin.twin;

/**
 * Which COPY format streams use. Binary skips text parsing on the twin, but its encoding of a type is only certain
 * to match between servers of the same major, so it is used only there and only for built-in types. The benchmark
 * compares both: NEON_TWIN_COPY_FORMAT=text forces text.
 */
final class CopyFormat {
    private CopyFormat() {
    }

    static boolean binaryAllowed() {
        return !"text".equalsIgnoreCase(System.getenv("NEON_TWIN_COPY_FORMAT"));
    }
}
