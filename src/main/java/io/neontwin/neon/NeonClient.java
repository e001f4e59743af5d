package io.neontwin.neon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neontwin.errors.ErrorText;
import io.neontwin.notify.RetryPolicy;
import io.neontwin.notify.Sleeper;
import io.neontwin.secrets.Secrets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Neon's API v2 for one project, with the API's own rules: a Bearer key; 423 (a resource locked by a running
 * operation), 429 and 503 retried after Retry-After or a growing backoff; other 5xx retried only for requests that
 * may be repeated; every call bounded in time; operations polled until done, within a bound. Every failure is a
 * {@link NeonApiError} whose one sentence quotes the API's message. The key is registered as a secret and never
 * appears in a message.
 */
public final class NeonClient {
    public static final String DEFAULT_BASE_URL = "https://console.neon.tech/api/v2";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY_READ = 4096;
    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String apiKey;
    private final String projectId;
    private final NeonClientPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public NeonClient(String baseUrl, String apiKey, String projectId, NeonClientPolicy policy, Sleeper sleeper, Clock clock) {
        Secrets.register(apiKey);
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new NeonApiError(NeonApiError.NO_RESPONSE, "The Neon API URL '" + baseUrl
                    + "' is not an http:// or https:// URL; unset NEON_API_BASE_URL to use " + DEFAULT_BASE_URL + ".");
        }
        this.baseUrl = parsed;
        this.apiKey = apiKey;
        this.projectId = projectId;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(policy.callTimeout())
                .readTimeout(policy.callTimeout())
                .writeTimeout(policy.callTimeout())
                .callTimeout(policy.callTimeout())
                // our retries count every attempt; OkHttp's silent one would repeat a POST behind our back
                .retryOnConnectionFailure(false)
                .build();
    }

    public static NeonClient standard(String baseUrl, String apiKey, String projectId) {
        return new NeonClient(baseUrl, apiKey, projectId, NeonClientPolicy.STANDARD, Sleeper.REAL, Clock.systemUTC());
    }

    public String projectId() {
        return projectId;
    }

    /** GET /projects/{project_id}/branches */
    public List<NeonBranch> branches() {
        JsonNode body = send("GET", List.of("branches"), null, true);
        return readList(body.path("branches"), NeonBranch[].class, "branches");
    }

    /** GET /projects/{project_id}/branches/{branch_id} */
    public NeonBranch branch(String branchId) {
        JsonNode body = send("GET", List.of("branches", branchId), null, true);
        return read(body.path("branch"), NeonBranch.class, "branch");
    }

    /** GET /projects/{project_id}/endpoints */
    public List<NeonEndpoint> endpoints() {
        JsonNode body = send("GET", List.of("endpoints"), null, true);
        return readList(body.path("endpoints"), NeonEndpoint[].class, "endpoints");
    }

    /**
     * POST /projects/{project_id}/branches/{branch_id}/restore, then waits for the operations it started. Restoring to
     * a branch's head gives the same result however often it is repeated, so a 5xx is retried.
     */
    public void restoreBranch(String branchId, BranchRestore request) {
        JsonNode body = send("POST", List.of("branches", branchId, "restore"), request, true);
        awaitOperations(readList(body.path("operations"), NeonOperation[].class, "operations"));
    }

    /**
     * POST /projects/{project_id}/branches, then waits for its operations. A branch of that name and parent that is
     * already there (409: an earlier attempt whose answer was lost, or a rerun) is reused, which makes the create
     * safe to repeat; one of that name with another parent is an error.
     */
    public NeonBranch createBranch(BranchCreate request) {
        JsonNode body;
        try {
            body = send("POST", List.of("branches"), request.body(), true);
        } catch (NeonApiError error) {
            if (error.status() != 409) {
                throw error;
            }
            return existing(request);
        }
        awaitOperations(readList(body.path("operations"), NeonOperation[].class, "operations"));
        return read(body.path("branch"), NeonBranch.class, "branch");
    }

    private NeonBranch existing(BranchCreate request) {
        NeonBranch found = branches().stream().filter(branch -> branch.name().equals(request.name())).findFirst()
                .orElseThrow(() -> new NeonApiError(409, "Neon refused to create branch " + request.name() + " in project " + projectId
                        + " as a conflict, yet lists no branch of that name; run again."));
        if (!request.parentId().equals(found.parentId())) {
            throw new NeonApiError(409, "A branch named " + request.name() + " already exists in Neon project " + projectId
                    + " with another parent (" + found.parentId() + "); delete or rename it, then run again.");
        }
        return found;
    }

    /**
     * DELETE /projects/{project_id}/branches/{branch_id}, then waits for its operations. A branch already gone (404)
     * is what was asked for.
     */
    public void deleteBranch(String branchId) {
        JsonNode body;
        try {
            body = send("DELETE", List.of("branches", branchId), null, true);
        } catch (NeonApiError error) {
            if (error.status() == 404) {
                return;
            }
            throw error;
        }
        awaitOperations(readList(body.path("operations"), NeonOperation[].class, "operations"));
    }

    /** GET /projects/{project_id}/operations/{operation_id} */
    public NeonOperation operation(String operationId) {
        JsonNode body = send("GET", List.of("operations", operationId), null, true);
        return read(body.path("operation"), NeonOperation.class, "operation");
    }

    /** Polls each operation until it is done; a failed one, or one still running past the bound, is an error. */
    public void awaitOperations(List<NeonOperation> operations) {
        Duration waited = Duration.ZERO;
        for (NeonOperation started : operations) {
            NeonOperation current = started;
            while (!current.state().done()) {
                if (waited.compareTo(policy.operationTimeout()) >= 0) {
                    throw new NeonApiError(NeonApiError.NO_RESPONSE, "Neon operation " + current.action() + " (" + current.id()
                            + ") in project " + projectId + " was still " + current.status() + " after "
                            + policy.operationTimeout().toSeconds() + " s; check it in the Neon console, then run again.");
                }
                pause(policy.pollInterval());
                waited = waited.plus(policy.pollInterval());
                current = operation(current.id());
            }
            if (!current.state().succeeded()) {
                throw new NeonApiError(NeonApiError.NO_RESPONSE, "Neon operation " + current.action() + " (" + current.id()
                        + ") in project " + projectId + " ended " + current.status()
                        + (current.error() == null ? "" : " (" + Secrets.redact(ErrorText.firstLine(current.error())) + ")")
                        + "; check it in the Neon console, then run again.");
            }
        }
    }

    /**
     * One request under the retry rules; returns the parsed body of a 2xx answer.
     *
     * @param repeatable whether sending it twice does no harm, which makes a 5xx other than 503 worth retrying
     */
    JsonNode send(String method, List<String> pathUnderProject, Object body, boolean repeatable) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("projects").addPathSegment(projectId);
        pathUnderProject.forEach(url::addPathSegment);
        Request request = new Request.Builder()
                .url(url.build())
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .method(method, body == null ? null : RequestBody.create(json(body), JSON))
                .build();
        String what = method + " /projects/" + projectId + "/" + String.join("/", pathUnderProject);
        RetryPolicy retries = policy.retries();
        String lastProblem = null;
        int lastStatus = NeonApiError.NO_RESPONSE;
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            Duration wait;
            try (Response response = http.newCall(request).execute()) {
                int status = response.code();
                String text = response.peekBody(MAX_BODY_READ).string();
                if (response.isSuccessful()) {
                    return MAPPER.readTree(response.body().string());
                }
                lastStatus = status;
                lastProblem = "HTTP " + status + apiMessage(text);
                boolean retryable = status == 423 || status == 429 || status == 503 || status >= 500 && repeatable;
                if (!retryable) {
                    throw new NeonApiError(status, what + " answered " + lastProblem + "; " + fixFor(status) + ".");
                }
                wait = RetryPolicy.retryAfter(response.header("Retry-After"), clock).map(retries::cap)
                        .orElse(retries.backoffAfter(attempt));
            } catch (IOException networkOrTimeout) {
                if (!repeatable) {
                    throw new NeonApiError(NeonApiError.NO_RESPONSE, what + " got no answer (" + networkOrTimeout.getMessage()
                            + "); check the Neon console before running again.", networkOrTimeout);
                }
                lastStatus = NeonApiError.NO_RESPONSE;
                lastProblem = "no answer (" + networkOrTimeout.getClass().getSimpleName() + ": " + networkOrTimeout.getMessage() + ")";
                wait = retries.backoffAfter(attempt);
            }
            if (attempt < retries.maxAttempts()) {
                pause(wait);
            }
        }
        throw new NeonApiError(lastStatus, what + " still answered " + lastProblem + " after " + retries.maxAttempts()
                + " attempts; " + fixFor(lastStatus) + ".");
    }

    /** The fix a sentence names, by what the status means in Neon's API. */
    private String fixFor(int status) {
        return switch (status) {
            case 401 -> "the API key was refused: set neon-api-key to a valid Neon API key";
            case 403 -> "the API key may not do this in project " + projectId + ": use a key of the project's organization or a personal key with access to it (neon-api-key)";
            case 404 -> "check neon-project-id ('" + projectId + "') and twin-branch";
            case 423 -> "an operation still holds the branch: run again once it ends";
            case 429 -> "Neon's rate limit was hit: run again later";
            default -> status >= 500 || status == NeonApiError.NO_RESPONSE
                    ? "Neon's API had trouble: run again later (status: neonstatus.com)"
                    : "fix what Neon's message says";
        };
    }

    /** Neon's GeneralError is {@code {"code": ..., "message": ...}}; anything else is quoted as one short line. */
    private static String apiMessage(String body) {
        String message;
        try {
            JsonNode node = MAPPER.readTree(body);
            message = node != null && node.hasNonNull("message") ? node.get("message").asText() : body;
        } catch (IOException notJson) {
            message = body;
        }
        String line = Secrets.redact(ErrorText.firstLine(message == null ? "" : message)).strip();
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return line.isEmpty() || line.equals("null") ? "" : ": " + line;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NeonApiError(NeonApiError.NO_RESPONSE, "The wait for Neon's API was interrupted; run again.", interrupted);
        }
    }

    private static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(JsonNode node, Class<T> type, String field) {
        if (node.isMissingNode() || node.isNull()) {
            throw new NeonApiError(200, "Neon's API answered without '" + field + "' for project " + projectId
                    + "; the API may have changed: report it with the neon-twin version.");
        }
        return MAPPER.convertValue(node, type);
    }

    private <T> List<T> readList(JsonNode node, Class<T[]> type, String field) {
        return new ArrayList<>(List.of(read(node, type, field)));
    }
}
