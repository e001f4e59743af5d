package io.neontwin.report;

import java.util.List;

/**
 * @param mode        counts, checksums or none
 * @param passed      true when every checked table matched (and when mode is none)
 * @param tables      how many tables were checked
 * @param mismatches  one sentence per table that differs
 */
public record Verification(String mode, boolean passed, int tables, List<String> mismatches) {
}
