package io.neontwin.notify;

import java.util.Map;

/**
 * Turns a refusal (a 4xx, which no retry will change) into the end of one clear sentence: what the receiver said and
 * what the user should do.
 */
@FunctionalInterface
public interface RejectionExplainer {
    int MAX_BODY_SHOWN = 200;

    String explain(int status, String body);

    /** Any webhook: the status and the start of what the server said. */
    RejectionExplainer GENERIC = (status, body) -> {
        String said = oneLine(body);
        return "the server answered HTTP " + status + (said.isEmpty() ? "" : " (" + said + ")");
    };

    /**
     * Slack's incoming webhooks answer a refusal with a short error code in the body. These are the ones a user can
     * meet (https://api.slack.com/messaging/webhooks#handling_errors), each with what to do about it.
     */
    RejectionExplainer SLACK = new RejectionExplainer() {
        private static final Map<String, String> ADVICE = Map.ofEntries(
                Map.entry("invalid_payload", "Slack could not read the message; this is a neon-twin bug, please report it"),
                Map.entry("invalid_blocks", "Slack refused the message's layout; this is a neon-twin bug, please report it"),
                Map.entry("invalid_blocks_format", "Slack refused the message's layout; this is a neon-twin bug, please report it"),
                Map.entry("no_text", "Slack found no text in the message; this is a neon-twin bug, please report it"),
                Map.entry("no_service", "the webhook no longer exists (removed, or its Slack app uninstalled); "
                        + "create a new incoming webhook and update the Slack webhook URL"),
                Map.entry("invalid_token", "the webhook URL is not valid; copy it again from the Slack app's Incoming Webhooks page"),
                Map.entry("channel_not_found", "the webhook's channel no longer exists; create a webhook for an existing channel"),
                Map.entry("channel_is_archived", "the webhook's channel is archived; unarchive it or create a webhook for another channel"),
                Map.entry("action_prohibited", "a workspace admin restricted posting to the webhook's channel"),
                Map.entry("posting_to_general_channel_denied", "only admins may post to the webhook's channel; use another channel"),
                Map.entry("no_team", "the Slack workspace no longer exists"),
                Map.entry("team_disabled", "the Slack workspace is disabled"));

        @Override
        public String explain(int status, String body) {
            String code = oneLine(body);
            String advice = ADVICE.get(code);
            if (advice != null) {
                return "Slack answered HTTP " + status + " " + code + ": " + advice;
            }
            return "Slack answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")")
                    + "; check the Slack webhook URL";
        }
    };

    /** A body as a short single line, so that an HTML error page does not flood the log. */
    static String oneLine(String body) {
        if (body == null) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_BODY_SHOWN ? line : line.substring(0, MAX_BODY_SHOWN) + "…";
    }
}
