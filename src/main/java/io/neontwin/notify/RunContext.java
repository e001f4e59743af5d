package io.neontwin.notify;

import java.util.Map;

/**
 * What a message needs to know about where it was sent from, besides the report: the link to the CI run, and whether
 * it is a {@code notify-test} sample.
 *
 * @param runUrl      the GitHub Actions run page, or null outside Actions
 * @param runLabel    how the link reads, e.g. "acme/shop run 123456"
 * @param testMessage true for {@code notify-test}: the message says plainly that no twin was made
 */
public record RunContext(String runUrl, String runLabel, boolean testMessage) {
    public static final RunContext NONE = new RunContext(null, null, false);

    /** Reads GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID (and GITHUB_RUN_ATTEMPT) from the given environment. */
    public static RunContext fromEnvironment(Map<String, String> env) {
        String server = blankToNull(env.get("GITHUB_SERVER_URL"));
        String repository = blankToNull(env.get("GITHUB_REPOSITORY"));
        String runId = blankToNull(env.get("GITHUB_RUN_ID"));
        if (server == null || repository == null || runId == null) {
            return NONE;
        }
        String url = stripTrailingSlash(server) + "/" + repository + "/actions/runs/" + runId;
        String attempt = blankToNull(env.get("GITHUB_RUN_ATTEMPT"));
        if (attempt != null && !attempt.equals("1")) {
            // a re-run has its own page; the bare run URL shows the latest attempt, which may not be this one
            url += "/attempts/" + attempt;
        }
        return new RunContext(url, repository + " run " + runId, false);
    }

    public RunContext asTestMessage() {
        return new RunContext(runUrl, runLabel, true);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
