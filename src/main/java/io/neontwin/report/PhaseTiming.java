package io.neontwin.report;

/** One phase of the pipeline (preflight, schema, data, post-data, sequences, analyze, verify, swap) and its duration. */
public record PhaseTiming(String phase, double seconds) {
}
