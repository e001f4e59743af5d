package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.TwinReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the examples shown in docs/notifications.md: each sample's Slack payload (JSON) and its HTML preview, which
 * docs/images/*.png are screenshots of. Run: {@code java -cp <test classpath> io.neontwin.notify.NotificationExamples DIR}.
 */
final class NotificationExamples {
    static final Instant FINISHED = Instant.parse("2025-06-02T04:15:00Z");
    static final RunContext RUN = RunContext.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "9876543210"));

    /** Every payload docs/notifications.md shows, each with its screenshot (docs/images/NAME.png). */
    static final String[] NAMES = {"slack-success", "slack-failure", "slack-reverse-planned", "slack-reverse-success",
            "slack-reverse-failure"};

    private NotificationExamples() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/notification-examples");
        Files.createDirectories(dir);
        for (String name : NAMES) {
            JsonNode payload = payload(name);
            Files.writeString(dir.resolve(name + ".json"), ReportJson.mapper().writeValueAsString(payload) + "\n");
            Files.writeString(dir.resolve(name + ".html"), SlackPreview.page(name, payload, "4:15 AM"));
        }
    }

    static JsonNode payload(String name) {
        return switch (name) {
            case "slack-success" -> TwinSlackMessage.render(released(SampleReport.succeeded(FINISHED)), RUN);
            case "slack-failure" -> TwinSlackMessage.render(released(SampleReport.failed(FINISHED)), RUN);
            case "slack-reverse-planned" -> ReverseTwinSlackMessage.render(released(SampleReport.reversePlanned(FINISHED)), RUN);
            case "slack-reverse-success" -> ReverseTwinSlackMessage.render(released(SampleReport.reverseSucceeded(FINISHED)), RUN);
            case "slack-reverse-failure" -> ReverseTwinSlackMessage.render(released(SampleReport.reverseFailed(FINISHED)), RUN);
            default -> throw new IllegalArgumentException("no example " + name);
        };
    }

    private static ReverseTwinReport released(ReverseTwinReport report) {
        return new ReverseTwinReport(report.tool(), "0.1.0", report.outcome(), report.startedAt(), report.finishedAt(),
                report.durationSeconds(), report.production(), report.twin(), report.migrationsPath(), report.historyTable(),
                report.appliedBefore(), report.migrations(), report.hazards(), report.phases(), report.warnings(),
                report.failure(), report.failedMigration());
    }

    /** Classes run from target/ report version "dev"; the docs show a released version. */
    private static TwinReport released(TwinReport report) {
        return new TwinReport(report.tool(), "0.1.0", report.outcome(), report.startedAt(), report.finishedAt(),
                report.durationSeconds(), report.production(), report.twin(), report.client(), report.phases(), report.tables(),
                report.totals(), report.verification(), report.warnings(), report.failure());
    }
}
