package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.ReportJson;
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

    private NotificationExamples() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/notification-examples");
        Files.createDirectories(dir);
        for (String name : new String[]{"slack-success", "slack-failure"}) {
            JsonNode payload = payload(name);
            Files.writeString(dir.resolve(name + ".json"), ReportJson.mapper().writeValueAsString(payload) + "\n");
            Files.writeString(dir.resolve(name + ".html"), SlackPreview.page(name, payload, "4:15 AM"));
        }
    }

    static JsonNode payload(String name) {
        TwinReport report = switch (name) {
            case "slack-success" -> SampleReport.succeeded(FINISHED);
            case "slack-failure" -> SampleReport.failed(FINISHED);
            default -> throw new IllegalArgumentException("no example " + name);
        };
        return TwinSlackMessage.render(released(report), RUN);
    }

    /** Classes run from target/ report version "dev"; the docs show a released version. */
    private static TwinReport released(TwinReport report) {
        return new TwinReport(report.tool(), "0.1.0", report.outcome(), report.startedAt(), report.finishedAt(),
                report.durationSeconds(), report.production(), report.twin(), report.client(), report.phases(), report.tables(),
                report.totals(), report.verification(), report.warnings(), report.failure());
    }
}
