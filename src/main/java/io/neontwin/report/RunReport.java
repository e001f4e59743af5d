package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * What every run's report shares, whichever way it went: the twin (production into the twin) or the reverse twin
 * (migrations proven on the twin, applied to production). Faces that render any run (notifiers, the job summary)
 * take this and switch on the concrete report.
 */
public sealed interface RunReport permits TwinReport, ReverseTwinReport {
    String tool();

    String toolVersion();

    Outcome outcome();

    Instant startedAt();

    Instant finishedAt();

    List<String> warnings();

    Failure failure();

    /** "twin" or "reverse-twin": the first field of the JSON, so a webhook receiver knows which report it holds. */
    @JsonProperty(value = "kind", index = 0)
    String kind();

    default boolean succeeded() {
        return outcome() == Outcome.SUCCEEDED || outcome() == Outcome.PLANNED;
    }
}
