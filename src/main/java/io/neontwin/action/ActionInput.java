package io.neontwin.action;

import io.neontwin.face.Direction;
import io.neontwin.reversetwin.ReverseTwinOptions;

import io.neontwin.twin.TwinOptions;

/**
 * Every input action.yml declares, with the default the Java side applies when GitHub passes it empty (an unset
 * input, or a secret that does not exist, arrives as an empty string). action.yml carries the same defaults so the
 * Marketplace page shows them; ActionMetadataTest keeps the two equal.
 */
public enum ActionInput {
    PRODUCTION_URL("production-url", null, true, true),
    TWIN_URL("twin-url", null, true, true),
    DIRECTION("direction", "twin", false, false),
    JOBS("jobs", String.valueOf(TwinOptions.DEFAULT_JOBS), false, false),
    SCHEMAS("schemas", "", false, false),
    EXCLUDE_SCHEMAS("exclude-schemas", "", false, false),
    TABLES("tables", "", false, false),
    EXCLUDE_TABLES("exclude-tables", "", false, false),
    EXCLUDE_TABLE_DATA("exclude-table-data", "", false, false),
    VERIFY("verify", "counts", false, false),
    DRY_RUN("dry-run", "false", false, false),
    FORCE("force", "false", false, false),
    PG_BIN("pg-bin", "", false, false),
    MIGRATIONS_PATH("migrations-path", "migrations", false, false),
    LOCK_TIMEOUT("lock-timeout", "5s", false, false),
    STATEMENT_TIMEOUT("statement-timeout", "15min", false, false),
    BASELINE_VERSION("baseline-version", "", false, false),
    OUT_OF_ORDER("out-of-order", "false", false, false),
    LOCK_RETRIES("lock-retries", String.valueOf(ReverseTwinOptions.DEFAULT_LOCK_RETRIES), false, false),
    HISTORY_TABLE("history-table", ReverseTwinOptions.DEFAULT_HISTORY_TABLE, false, false),
    NEON_API_KEY("neon-api-key", "", false, true),
    NEON_PROJECT_ID("neon-project-id", "", false, false),
    TWIN_BRANCH("twin-branch", "", false, false),
    RESET_BRANCHES("reset-branches", "", false, false),
    RESET_BRANCHES_REQUIRED("reset-branches-required", "false", false, false),
    REPORT_FILE("report-file", "neon-twin-report.json", false, false),
    SLACK_WEBHOOK_URL("slack-webhook-url", "", false, true),
    WEBHOOK_URL("webhook-url", "", false, true),
    NOTIFY("notify", "always", false, false),
    NOTIFY_REQUIRED("notify-required", "false", false, false);

    private final String yamlName;
    private final String defaultValue;
    private final boolean required;
    private final boolean secret;

    ActionInput(String yamlName, String defaultValue, boolean required, boolean secret) {
        this.yamlName = yamlName;
        this.defaultValue = defaultValue;
        this.required = required;
        this.secret = secret;
    }

    /**
     * The one direction this input means anything for, or null when it applies to both. Given on a run of the other
     * direction it is ignored with a warning.
     */
    public Direction onlyFor() {
        return switch (this) {
            case JOBS, SCHEMAS, EXCLUDE_SCHEMAS, TABLES, EXCLUDE_TABLES, EXCLUDE_TABLE_DATA, VERIFY, PG_BIN -> Direction.TWIN;
            // the reverse twin does not call Neon yet (a rehearsal on a real branch is to come)
            case NEON_API_KEY, NEON_PROJECT_ID, TWIN_BRANCH, RESET_BRANCHES, RESET_BRANCHES_REQUIRED -> Direction.TWIN;
            case MIGRATIONS_PATH, LOCK_TIMEOUT, STATEMENT_TIMEOUT, BASELINE_VERSION, OUT_OF_ORDER, LOCK_RETRIES, HISTORY_TABLE -> Direction.REVERSE_TWIN;
            default -> null;
        };
    }

    /** The name users write under {@code with:}. */
    public String yamlName() {
        return yamlName;
    }

    /** The value used when the input is unset or empty; null for required inputs, which have none. */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean required() {
        return required;
    }

    /** Holds credentials (a password inside a URL, a whole webhook URL, an API key): masked before anything prints. */
    public boolean secret() {
        return secret;
    }

    /** How the runner passes it to a container: upper case, hyphens kept ({@code INPUT_PRODUCTION-URL}). */
    public String runnerVariable() {
        return "INPUT_" + yamlName.toUpperCase(java.util.Locale.ROOT);
    }

    /** The form a shell or {@code docker run -e} user can also set ({@code INPUT_PRODUCTION_URL}). */
    public String portableVariable() {
        return runnerVariable().replace('-', '_');
    }
}
