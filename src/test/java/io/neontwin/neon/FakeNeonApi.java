package io.neontwin.neon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Neon's API v2, for one project: it keeps branches (each with a "data" tag standing for its
 * contents), endpoints and operations, answers the endpoints neon-twin uses with the shapes of Neon's published
 * OpenAPI description (@neondatabase/api-client 2.7.3, public-v2-for-users.gen.yaml), and refuses what Neon would
 * refuse: a missing or wrong Bearer key (401), an unknown project or branch (404), a restore body without
 * {@code source_branch_id} or with fields the schema does not have (400), a restore of a branch with children without
 * {@code preserve_under_name} (400), a branch whose operation still runs (423). Faults can be injected: any status,
 * with a Retry-After, a number of times; operations can be made slow or fail.
 */
public final class FakeNeonApi implements AutoCloseable {
    public static final String PROJECT = "twin-project-123456";
    public static final String KEY = "napi_fake0secret0key0never0print";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,60}");
    private static final Set<String> RESTORE_FIELDS = Set.of("source_branch_id", "source_lsn", "source_timestamp", "preserve_under_name");
    private static final Set<String> CREATE_BRANCH_FIELDS = Set.of("parent_id", "name", "parent_lsn", "parent_timestamp",
            "protected", "archived", "init_source", "expires_at");
    private static final String TIME = "2026-11-30T03:17:00Z";

    /** A branch as the fake keeps it; {@code data} stands for its contents, copied by a restore. */
    public static final class Branch {
        final String id;
        final String name;
        final String parentId;
        public boolean isProtected;
        String currentState = "ready";
        public String data;
        public String expiresAt;

        Branch(String id, String name, String parentId, String data) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
            this.data = data;
        }
    }

    record Fault(String method, Pattern path, int status, String retryAfter, int[] timesLeft) {
    }

    static final class Operation {
        final String id = UUID.randomUUID().toString();
        final String branchId;
        int pollsLeft;
        String finalStatus;
        String error;

        Operation(String branchId, int pollsLeft, String finalStatus, String error) {
            this.branchId = branchId;
            this.pollsLeft = pollsLeft;
            this.finalStatus = finalStatus;
            this.error = error;
        }

        String status() {
            return pollsLeft > 0 ? "running" : finalStatus;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Branch> branches = new LinkedHashMap<>();
    private final Map<String, String> endpointHosts = new LinkedHashMap<>();
    /** Endpoints whose host is not a Neon-like name: a created branch's compute, pointed at a local server by a test. */
    private final Map<String, String> localHosts = new LinkedHashMap<>();
    /** The host the compute of a branch created with an endpoint answers on; null for a Neon-like host name. */
    public volatile String createdComputeHost;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** Every request received, as "METHOD /path-under-the-project". */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Every request that broke the published shapes (the client's bugs, not injected faults). */
    public final List<String> violations = new CopyOnWriteArrayList<>();
    /** Every header value and body received, to check the key travels only in Authorization. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    private int operationPolls;
    private String operationOutcome = "finished";
    private String operationError;

    public FakeNeonApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (FakeNeonApi.this) {
                    return answer(request);
                }
            }
        });
        server.start();
    }

    public String baseUrl() {
        return server.url("/api/v2").toString();
    }

    public synchronized Branch branch(String id, String name, String parentId) {
        Branch branch = new Branch(id, name, parentId, parentId == null ? "root" : branches.get(parentId).data);
        branches.put(id, branch);
        return branch;
    }

    public synchronized void endpoint(String id, String branchId) {
        endpointHosts.put(id, branchId);
    }

    public static String hostOf(String endpointId) {
        return endpointId + ".us-east-2.aws.neon.tech";
    }

    public synchronized Branch get(String id) {
        return branches.get(id);
    }

    /** The branch as the client reads it (for building requests in tests). */
    public synchronized NeonBranch branchRecord(String id) {
        Branch branch = branches.get(id);
        return new NeonBranch(branch.id, branch.name, branch.parentId, branch.isProtected, branch.currentState, null);
    }

    /** Answers the next {@code times} requests matching method and path (under the project) with this status. */
    public void fail(String method, String pathRegex, int status, String retryAfter, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), status, retryAfter, new int[]{times}));
    }

    /** Operations report "running" this many times before their final status. */
    public synchronized void slowOperations(int polls) {
        operationPolls = polls;
    }

    public synchronized void operationsEnd(String status, String error) {
        operationOutcome = status;
        operationError = error;
    }

    public long count(String methodAndPathRegex) {
        return requests.stream().filter(request -> request.matches(methodAndPathRegex)).count();
    }

    private MockResponse answer(RecordedRequest request) {
        String method = request.getMethod();
        String body = request.getBody().readUtf8();
        request.getHeaders().forEach(header -> received.add(header.getFirst() + ": " + header.getSecond()));
        received.add(body);
        String fullPath = request.getRequestUrl().encodedPath();
        String prefix = "/api/v2/projects/";
        if (!fullPath.startsWith(prefix)) {
            return violation(404, method + " " + fullPath + ": not under /api/v2/projects/");
        }
        String rest = fullPath.substring(prefix.length());
        String project = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String path = rest.substring(project.length());
        requests.add(method + " " + path);
        if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
            return error(401, "authorization failed");
        }
        for (Fault fault : faults) {
            if (fault.method.equals(method) && fault.path.matcher(path).matches() && fault.timesLeft[0] > 0) {
                fault.timesLeft[0]--;
                MockResponse response = error(fault.status, "injected " + fault.status);
                return fault.retryAfter == null ? response : response.setHeader("Retry-After", fault.retryAfter);
            }
        }
        if (!PROJECT.equals(project)) {
            return error(404, "project not found");
        }
        Matcher matcher;
        if (method.equals("GET") && path.equals("/branches")) {
            ArrayNode list = JSON.createArrayNode();
            branches.values().forEach(branch -> list.add(branchJson(branch)));
            return ok(JSON.createObjectNode().set("branches", list));
        }
        if (method.equals("GET") && path.equals("/endpoints")) {
            ArrayNode list = JSON.createArrayNode();
            endpointHosts.forEach((id, branchId) -> list.add(endpointJson(id, branchId)));
            return ok(JSON.createObjectNode().set("endpoints", list));
        }
        if (method.equals("GET") && (matcher = Pattern.compile("/branches/([^/]+)").matcher(path)).matches()) {
            Branch branch = branches.get(matcher.group(1));
            return branch == null ? error(404, "branch not found") : ok(JSON.createObjectNode().set("branch", branchJson(branch)));
        }
        if (method.equals("GET") && (matcher = Pattern.compile("/operations/([^/]+)").matcher(path)).matches()) {
            Operation operation = operations.get(matcher.group(1));
            if (operation == null) {
                return error(404, "operation not found");
            }
            if (operation.pollsLeft > 0) {
                operation.pollsLeft--;
            }
            return ok(JSON.createObjectNode().set("operation", operationJson(operation)));
        }
        if (method.equals("POST") && path.equals("/branches")) {
            return create(body);
        }
        if (method.equals("DELETE") && (matcher = Pattern.compile("/branches/([^/]+)").matcher(path)).matches()) {
            return delete(matcher.group(1));
        }
        if (method.equals("POST") && (matcher = Pattern.compile("/branches/([^/]+)/restore").matcher(path)).matches()) {
            return restore(matcher.group(1), body, request.getHeader("Content-Type"));
        }
        return violation(404, method + " " + path + ": no such endpoint in the API the fake implements");
    }

    private MockResponse restore(String branchId, String body, String contentType) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException notJson) {
            return violation(400, "restore body is not JSON: " + body);
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            return violation(400, "restore without Content-Type application/json");
        }
        if (request == null || !request.isObject() || !request.path("source_branch_id").isTextual()
                || !ID.matcher(request.get("source_branch_id").asText()).matches()) {
            return violation(400, "restore body needs source_branch_id matching ^[a-z0-9-]{1,60}$: " + body);
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RESTORE_FIELDS.contains(name)) {
                return violation(400, "restore body has a field BranchRestoreRequest does not: " + name);
            }
        }
        Branch branch = branches.get(branchId);
        Branch source = branches.get(request.get("source_branch_id").asText());
        if (branch == null || source == null) {
            return error(404, "branch not found");
        }
        if (operations.values().stream().anyMatch(operation -> operation.branchId.equals(branchId) && operation.pollsLeft > 0)) {
            return error(423, "branch " + branchId + " is locked by a running operation");
        }
        if (branch.isProtected) {
            return error(403, "branch " + branchId + " is protected");
        }
        boolean hasChildren = branches.values().stream().anyMatch(other -> branchId.equals(other.parentId));
        if (hasChildren && !request.hasNonNull("preserve_under_name")) {
            return error(400, "preserve_under_name is required when the branch has children");
        }
        if (request.hasNonNull("preserve_under_name")) {
            // Neon keeps the branch's old state as a new branch of that name, and moves the children onto it
            String preservedName = request.get("preserve_under_name").asText();
            if (branches.values().stream().anyMatch(other -> other.name.equals(preservedName))) {
                return error(409, "branch with name " + preservedName + " already exists");
            }
            Branch preserved = branch("br-preserved-" + branches.size(), preservedName, branch.parentId);
            preserved.data = branch.data;
            for (Branch child : List.copyOf(branches.values())) {
                if (branchId.equals(child.parentId)) {
                    branches.put(child.id, moved(child, preserved.id));
                }
            }
        }
        branch.data = source.data;
        return ok(branchOperations(branch));
    }

    private static Branch moved(Branch child, String newParentId) {
        Branch copy = new Branch(child.id, child.name, newParentId, child.data);
        copy.isProtected = child.isProtected;
        copy.expiresAt = child.expiresAt;
        return copy;
    }

    /** The branch of that name, if the project holds one. */
    public synchronized java.util.Optional<Branch> named(String name) {
        return branches.values().stream().filter(branch -> branch.name.equals(name)).findFirst();
    }

    /** The names of the project's branches, in creation order. */
    public synchronized List<String> branchNames() {
        return branches.values().stream().map(branch -> branch.name).toList();
    }

    /** POST /branches: BranchCreateRequest in, CreatedBranch out; a name already used is a 409. */
    private MockResponse create(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException notJson) {
            return violation(400, "create body is not JSON: " + body);
        }
        JsonNode branch = request == null ? null : request.get("branch");
        if (branch == null || !branch.isObject()) {
            return violation(400, "create body without a branch object: " + body);
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("branch", "endpoints", "annotation_value").contains(name)) {
                return violation(400, "create body has a field BranchCreateRequest does not: " + name);
            }
        }
        for (Iterator<String> names = branch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CREATE_BRANCH_FIELDS.contains(name)) {
                return violation(400, "create body's branch has a field the schema does not: " + name);
            }
        }
        if (branch.has("expires_at") && !branch.get("expires_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
            return violation(400, "expires_at is not RFC 3339 with seconds precision: " + branch.get("expires_at"));
        }
        for (JsonNode endpoint : request.path("endpoints")) {
            if (!Set.of("read_write", "read_only").contains(endpoint.path("type").asText())) {
                return violation(400, "an endpoint without a type read_write or read_only: " + endpoint);
            }
        }
        String parentId = branch.path("parent_id").asText(branches.keySet().iterator().next());
        String name = branch.path("name").asText("br-" + branches.size());
        if (!branches.containsKey(parentId)) {
            return error(404, "parent branch not found");
        }
        if (branches.values().stream().anyMatch(other -> other.name.equals(name))) {
            return error(409, "branch with name " + name + " already exists");
        }
        Branch created = branch("br-created-" + branches.size(), name, parentId);
        created.expiresAt = branch.path("expires_at").asText(null);
        ObjectNode answer = branchOperations(created);
        ArrayNode endpoints = JSON.createArrayNode();
        if (!request.path("endpoints").isEmpty()) {
            String endpointId = "ep-" + created.id;
            endpointHosts.put(endpointId, created.id);
            if (createdComputeHost != null) {
                localHosts.put(endpointId, createdComputeHost);
            }
            endpoints.add(endpointJson(endpointId, created.id));
        }
        answer.set("endpoints", endpoints);
        answer.set("roles", JSON.createArrayNode());
        answer.set("databases", JSON.createArrayNode());
        return ok(answer).setResponseCode(201);
    }

    /** DELETE /branches/{id}: Neon deletes no branch with children, and no protected one. */
    private MockResponse delete(String branchId) {
        Branch branch = branches.get(branchId);
        if (branch == null) {
            return error(404, "branch not found");
        }
        if (branch.isProtected) {
            return error(403, "branch " + branchId + " is protected");
        }
        if (branches.values().stream().anyMatch(other -> branchId.equals(other.parentId))) {
            return error(400, "branch " + branchId + " has children");
        }
        branches.remove(branchId);
        endpointHosts.values().removeIf(branchId::equals); // a branch's computes go with it
        return ok(branchOperations(branch));
    }

    /** Neon's BranchOperations: the branch, and the one operation this change started on it. */
    private ObjectNode branchOperations(Branch branch) {
        Operation operation = new Operation(branch.id, operationPolls, operationOutcome, operationError);
        operations.put(operation.id, operation);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("branch", branchJson(branch));
        answer.set("operations", JSON.createArrayNode().add(operationJson(operation)));
        return answer;
    }

    /** The ids of the branches the project holds now, in creation order. */
    public synchronized List<String> branchIds() {
        return List.copyOf(branches.keySet());
    }

    public synchronized boolean has(String branchId) {
        return branches.containsKey(branchId);
    }

    private ObjectNode branchJson(Branch branch) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", branch.id).put("project_id", PROJECT).put("name", branch.name)
                .put("current_state", branch.currentState).put("state_changed_at", TIME).put("creation_source", "console")
                .put("created_at", TIME).put("updated_at", TIME).put("default", branch.parentId == null)
                .put("protected", branch.isProtected).put("cpu_used_sec", 0).put("active_time_seconds", 0)
                .put("compute_time_seconds", 0).put("written_data_bytes", 0).put("data_transfer_bytes", 0);
        if (branch.parentId != null) {
            node.put("parent_id", branch.parentId).put("parent_lsn", "0/1DE2850");
        }
        if (branch.expiresAt != null) {
            node.put("expires_at", branch.expiresAt);
        }
        return node;
    }

    private ObjectNode endpointJson(String id, String branchId) {
        return JSON.createObjectNode()
                .put("host", localHosts.getOrDefault(id, hostOf(id))).put("id", id).put("project_id", PROJECT).put("branch_id", branchId)
                .put("region_id", "aws-us-east-2").put("autoscaling_limit_max_cu", 1).put("autoscaling_limit_min_cu", 0.25)
                .put("type", "read_write").put("current_state", "idle").put("pooler_enabled", false)
                .put("pooler_mode", "transaction").put("disabled", false).put("passwordless_access", false)
                .put("creation_source", "console").put("created_at", TIME).put("updated_at", TIME)
                .put("proxy_host", "us-east-2.aws.neon.tech").put("suspend_timeout_seconds", 0).put("provisioner", "k8s-neonvm");
    }

    private ObjectNode operationJson(Operation operation) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", operation.id).put("project_id", PROJECT).put("branch_id", operation.branchId)
                .put("action", "create_timeline").put("status", operation.status()).put("failures_count", 0)
                .put("created_at", TIME).put("updated_at", TIME).put("total_duration_ms", 120);
        if (operation.error != null && operation.pollsLeft == 0) {
            node.put("error", operation.error);
        }
        return node;
    }

    private MockResponse violation(int status, String what) {
        violations.add(what);
        return error(status, what);
    }

    private static MockResponse ok(JsonNode body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body.toString());
    }

    /** Neon's GeneralError: {@code {"code": ..., "message": ..., "request_id": ...}}. */
    private static MockResponse error(int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("code", "").put("message", message).put("request_id", UUID.randomUUID().toString());
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body.toString());
    }

    public List<String> requestsMatching(String regex) {
        List<String> matching = new ArrayList<>();
        requests.stream().filter(request -> request.matches(regex)).forEach(matching::add);
        return matching;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
