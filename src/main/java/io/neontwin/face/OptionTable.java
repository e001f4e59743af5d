package io.neontwin.face;

import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.twin.TwinOptions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.neontwin.face.OptionDefinition.define;

/**
 * Every option of neon-twin, written once: the command line's twin and reverse-twin options (picocli, see
 * {@link CommandLineOptions}), the action's inputs ({@code io.neontwin.action.ActionInputs}), action.yml's inputs and
 * the README's tables (tests keep them equal to this table), and the workflow generator's catalog
 * ({@code io.neontwin.init.OptionCatalog}). The action's inputs are the constants with an input name, in this order,
 * which is action.yml's order. Adding an option is one more constant here (ARCHITECTURE.md shows one).
 */
public enum OptionTable {
    PRODUCTION_URL(define()
            .input("production-url", "Production connection string (postgresql://USER:PASSWORD@HOST:PORT/DATABASE or libpq key=value). twin: only ever read. reverse-twin: the database migrated. Pass it from a secret.")
            .required()
            .secret()
            .cli("--production-url", "<url>", "Production's connection string (read only).")
            .env("NEON_TWIN_PRODUCTION_URL")
            .reverseTwinHelp("Production's connection string: the database migrated.")),
    TWIN_URL(define()
            .input("twin-url", "The twin database connection string. twin: the database that is created or replaced on every run. reverse-twin: where migrations are rehearsed and rolled back. Must not be production. Pass it from a secret.")
            .required()
            .secret()
            .cli("--twin-url", "<url>", "The twin's connection string: the database to create or replace.")
            .env("NEON_TWIN_TWIN_URL")
            .reverseTwinHelp("The twin's connection string: the migrations are rehearsed there first and rolled back.")),
    DIRECTION(define()
            .input("direction", "twin: copy production into the twin. reverse-twin: apply the migrations in migrations-path to production, after planning them against its history and rehearsing them on the twin (rolled back).")
            .defaultValue("twin")),
    JOBS(define()
            .input("jobs", "twin only. Parallel COPY streams and index builds, 1 to 64.")
            .kind(OptionKind.NUMBER)
            .defaultValue(String.valueOf(TwinOptions.DEFAULT_JOBS))
            .onlyFor(Direction.TWIN)
            .cli("--jobs", "<n>", "Parallel COPY streams and index builds (default: ${DEFAULT-VALUE}).")
            .range(1, 64)),
    SCHEMAS(define()
            .input("schemas", "twin only. Copy only these schemas (one a line, or comma-separated). Empty: every schema but the system ones.")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--schema", "<schema>", "Copy only this schema (repeatable).")),
    EXCLUDE_SCHEMAS(define()
            .input("exclude-schemas", "twin only. Do not copy these schemas (one a line, or comma-separated).")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--exclude-schema", "<schema>", "Do not copy this schema (repeatable).")),
    TABLES(define()
            .input("tables", "twin only. Copy only these tables: [schema.]name patterns with * and ? wildcards (one a line, or comma-separated).")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--table", "<pattern>", "Copy only this table: [schema.]name, '*' and '?' wildcards (repeatable).")),
    EXCLUDE_TABLES(define()
            .input("exclude-tables", "twin only. Do not copy these tables at all, neither structure nor rows (patterns, one a line, or comma-separated).")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--exclude-table", "<pattern>", "Do not copy this table at all (repeatable).")),
    EXCLUDE_TABLE_DATA(define()
            .input("exclude-table-data", "twin only. Create these tables but copy none of their rows, e.g. audit logs (patterns, one a line, or comma-separated).")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--exclude-table-data", "<pattern>", "Create this table but copy none of its rows (repeatable).")),
    RULES_PATH(define()
            .input("rules-path", "twin only. A rules file (YAML, docs/privacy.md): per table a 'where' subset or data: false, per column a mask or keep. Personal columns no rule covers stop the run (strict). Empty: everything copied as it is.")
            .onlyFor(Direction.TWIN)
            .cli("--rules", "<file>", "Rules file (docs/privacy.md): subsets, masking in flight, strict check of personal columns.")),
    // Never a flag's value (it would show in the process list and shell history): the command line reads the variable only.
    MASKING_KEY(define()
            .input("masking-key", "twin only. The key of the keyed masks of rules-path (hash, email, names, phone). Pass it from a secret; the same key gives the same masked values every run.")
            .secret()
            .onlyFor(Direction.TWIN)
            .env("NEON_TWIN_MASKING_KEY")),
    VERIFY(define()
            .input("verify", "twin only. How the twin is checked after the copy: counts (row counts per table), checksums (content hashes per table) or none.")
            .defaultValue("counts")
            .onlyFor(Direction.TWIN)
            .cli("--verify", "<mode>", "How the twin is checked after the copy: counts (row counts, the default), checksums or none.")),
    DRY_RUN(define()
            .input("dry-run", "true: write nothing. twin: print the plan and stop. reverse-twin: plan, read the migrations for hazards and rehearse them on the twin; production is not written.")
            .kind(OptionKind.FLAG)
            .cli("--dry-run", null, "Print the plan and stop before any write.")
            .reverseTwinHelp("Plan, read for hazards and rehearse on the twin; do not write production.")),
    FORCE(define()
            .input("force", "true: twin: replace a twin target that is not empty and carries no twin marker (or the marker of another production). reverse-twin: rehearse on a twin whose marker names another production.")
            .kind(OptionKind.FLAG)
            .cli("--force", null, "Replace a twin target that is not empty and carries no twin marker (or another production's).")
            .reverseTwinHelp("Rehearse on a twin whose marker names another production.")),
    PG_BIN(define()
            .input("pg-bin", "twin only. Folders holding pg_dump and pg_restore to use instead of the image clients (one a line). Empty: the image client that fits the servers.")
            .kind(OptionKind.PATHS)
            .onlyFor(Direction.TWIN)
            .cli("--pg-bin", "<dir>", "A folder holding pg_dump and pg_restore, searched first (repeatable).")),
    MIGRATIONS_PATH(define()
            .input("migrations-path", "reverse-twin only. The folder of migration files (V<version>__<description>.sql), relative to the workspace: check the repository out first. A path outside the workspace (`/etc`, `../..`, a link out of the checkout) is refused (exit 3), and so is a migration file that is a symbolic link to a file outside the folder (exit 15).")
            .kind(OptionKind.PATH)
            .defaultValue("migrations")
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--migrations", "<dir>", "Required: the folder of migration files, V<version>__<description>.sql (or set NEON_TWIN_MIGRATIONS).")
            .env("NEON_TWIN_MIGRATIONS")
            .requiredOnCommandLine()
            .defaultOnlyInTheAction()),
    LOCK_TIMEOUT(define()
            .input("lock-timeout", "reverse-twin only. How long a statement may wait for a lock on production before its migration is rolled back and retried (3 retries), e.g. 500ms, 5s, 2min.")
            .kind(OptionKind.DURATION)
            .defaultValue("5s")
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--lock-timeout", "<duration>", "How long a statement may wait for a lock on production before it gives up (default: ${DEFAULT-VALUE}).")),
    STATEMENT_TIMEOUT(define()
            .input("statement-timeout", "reverse-twin only. How long one statement may run, on production and in the rehearsal, e.g. 15min, 1h.")
            .kind(OptionKind.DURATION)
            .defaultValue("15min")
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--statement-timeout", "<duration>", "How long one statement may run (default: ${DEFAULT-VALUE}).")),
    BASELINE_VERSION(define()
            .input("baseline-version", "reverse-twin only. For a production with no history yet: record the migrations up to this version as applied, without running them. Empty: none.")
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--baseline-version", "<version>", "Production has no history yet: record migrations up to this version as applied, without running them.")),
    OUT_OF_ORDER(define()
            .input("out-of-order", "reverse-twin only. true: apply a pending migration whose version is lower than the latest production has (refused otherwise, exit code 15).")
            .kind(OptionKind.FLAG)
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--out-of-order", null, "Apply a pending migration whose version is lower than production's latest.")),
    LOCK_RETRIES(define()
            .input("lock-retries", "reverse-twin only. How many more times a migration that gave up waiting for a lock (lock-timeout) is tried, after 1, 2, 4... s; 0 to 10.")
            .kind(OptionKind.NUMBER)
            .defaultValue(String.valueOf(ReverseTwinOptions.DEFAULT_LOCK_RETRIES))
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--lock-retries", "<n>", "How many more times a migration that timed out waiting for a lock is tried, 0 to 10 (default: ${DEFAULT-VALUE}).")
            .range(0, 10)),
    HISTORY_TABLE(define()
            .input("history-table", "reverse-twin only. Production table recording the applied migrations, schema-qualified; created by the first run that applies.")
            .defaultValue(ReverseTwinOptions.DEFAULT_HISTORY_TABLE)
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--history-table", "<table>", "Production's table of applied migrations, schema-qualified (default: ${DEFAULT-VALUE}).")),
    REHEARSE_ON(define()
            .input("rehearse-on", "reverse-twin only. Where the migrations are rehearsed before production: twin (in one transaction on the twin, rolled back) or branch (on a Neon branch of the twin, each migration committed as on production and each statement timed; the branch expires in 1 h and is deleted at the end; needs neon-api-key and neon-project-id, see docs/neon.md).")
            .defaultValue(RehearseOn.TWIN.value())
            .onlyFor(Direction.REVERSE_TWIN)
            .cli("--rehearse-on", "<where>", "twin (rolled-back transaction on the twin, the default) or branch (a throwaway Neon branch of the twin: migrations committed and timed; needs --neon-api-key and --neon-project-id).")),
    NEON_API_KEY(define()
            .input("neon-api-key", "A Neon API key (from a secret) with access to neon-project-id. With neon-project-id: twin: after a successful refresh, the branches below the twin branch are reset from it; reverse-twin: rehearse-on branch can be used (see docs/neon.md). Empty: Neon is never called.")
            .secret()
            .cli("--neon-api-key", "<key>", "Neon API key (better from NEON_API_KEY): after a refresh, reset the branches below the twin from it.")
            .reverseTwinHelp("Neon API key (better from NEON_API_KEY), for --rehearse-on branch.")
            .env("NEON_API_KEY")),
    NEON_PROJECT_ID(define()
            .input("neon-project-id", "The Neon project the twin lives in (its ID, e.g. spring-example-302709). Needed with neon-api-key.")
            .cli("--neon-project-id", "<project-id>", "The Neon project the twin lives in (its ID), with --neon-api-key.")
            .env("NEON_PROJECT_ID")),
    TWIN_BRANCH(define()
            .input("twin-branch", "The Neon branch of the twin, by name or ID. Empty: the branch whose endpoint the twin-url host names.")
            .cli("--twin-branch", "<branch>", "The twin's Neon branch, by name or ID (default: the branch of the twin URL's host).")),
    RESET_BRANCHES(define()
            .input("reset-branches", "twin only. Which branches below the twin to reset after a refresh: name patterns with * and ? (one a line, or comma-separated). Empty: all of them.")
            .kind(OptionKind.LIST)
            .onlyFor(Direction.TWIN)
            .cli("--reset-branch", "<pattern>", "Reset only branches whose name matches this pattern, '*' and '?' wildcards (repeatable; default: all).")),
    RESET_BRANCHES_REQUIRED(define()
            .input("reset-branches-required", "twin only. true: fail the step (exit code 17) when a branch reset fails or stays busy, or Neon cannot be reached. Otherwise it is a warning.")
            .kind(OptionKind.FLAG)
            .onlyFor(Direction.TWIN)
            .cli("--reset-branches-required", null, "Exit with code 17 when a branch reset fails or stays busy (default: a warning).")),
    REPORT_FILE(define()
            .input("report-file", "Where to write the JSON report, relative to the workspace. Also the report-path output.")
            .kind(OptionKind.PATH)
            .defaultValue("neon-twin-report.json")
            .cli("--report", "<file>", "Write the JSON report to this file (fields: docs/report.md).")
            .defaultOnlyInTheAction()),
    SLACK_WEBHOOK_URL(define()
            .input("slack-webhook-url", "Slack incoming-webhook URL to post the outcome to. Pass it from a secret. Empty: no Slack message.")
            .secret()
            .cli("--slack-webhook-url", "<url>", "Slack incoming-webhook URL to post the outcome to.")
            .env("NEON_TWIN_SLACK_WEBHOOK_URL")),
    WEBHOOK_URL(define()
            .input("webhook-url", "URL that receives the JSON report by POST. Pass it from a secret. Empty: no webhook.")
            .secret()
            .cli("--webhook-url", "<url>", "URL that receives the JSON report (POST).")
            .env("NEON_TWIN_WEBHOOK_URL")),
    NOTIFY(define()
            .input("notify", "When to notify: always, failure or never.")
            .defaultValue("always")
            .cli("--notify", "<when>", "always (default), failure or never.")),
    NOTIFY_REQUIRED(define()
            .input("notify-required", "true: fail the step when a notification cannot be delivered (otherwise it is a warning).")
            .kind(OptionKind.FLAG)
            .cli("--notify-required", null, "Fail the run when a notification cannot be delivered.")),
    // Not an input of the action nor shown by --help: the benchmark forces text COPY with it (docs/performance.md).
    COPY_FORMAT(define()
            .onlyFor(Direction.TWIN)
            .cli("--copy-format", "<format>", null)
            .env("NEON_TWIN_COPY_FORMAT")
            .hidden()),
    NEON_API_URL(define()
            .cli("--neon-api-url", "<url>", null)
            .env("NEON_API_BASE_URL")
            .hidden());

    private static final List<OptionTable> ACTION_INPUTS = Arrays.stream(values()).filter(option -> option.definition.inputName() != null).toList();

    private final OptionDefinition definition;

    OptionTable(OptionDefinition.Builder builder) {
        this.definition = builder.build();
    }

    public OptionDefinition definition() {
        return definition;
    }

    /** The action's inputs, in action.yml's order. */
    public static List<OptionTable> actionInputs() {
        return ACTION_INPUTS;
    }

    /** The name users write under {@code with:}; null for an option only the command line has. */
    public String yamlName() {
        return definition.inputName();
    }

    /** The command-line name ({@code --jobs}); null for an input only the action has. */
    public String cliName() {
        return definition.cliName();
    }

    /** The value used when the input is unset or empty; null for required inputs, which have none. */
    public String defaultValue() {
        return definition.defaultValue();
    }

    public boolean required() {
        return definition.required();
    }

    /** Holds credentials (a password inside a URL, a whole webhook URL, an API key): masked before anything prints. */
    public boolean secret() {
        return definition.secret();
    }

    /**
     * The one direction this option means anything for, or null when it applies to both. Given on a run of the other
     * direction it is ignored with a warning.
     */
    public Direction onlyFor() {
        return definition.onlyFor();
    }

    /** How the runner passes it to a container: upper case, hyphens kept ({@code INPUT_PRODUCTION-URL}). */
    public String runnerVariable() {
        return "INPUT_" + yamlName().toUpperCase(Locale.ROOT);
    }

    /** The form a shell or {@code docker run -e} user can also set ({@code INPUT_PRODUCTION_URL}). */
    public String portableVariable() {
        return runnerVariable().replace('-', '_');
    }
}
