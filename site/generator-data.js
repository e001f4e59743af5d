// Generated from src/main/resources/io/neontwin/init and io.neontwin.face.OptionTable by io.neontwin.init.SiteData:
// do not edit (SiteDataTest keeps it equal to them).
(function (root) {
  var data = {
    "catalog" : {
      "options" : [ {
        "name" : "action-ref",
        "label" : "Action (owner/repository@version)",
        "group" : "twin",
        "kind" : "text",
        "default" : "<owner>/neon-twin-action@v1",
        "pattern" : "^[A-Za-z0-9<>_.-]+/[A-Za-z0-9_.-]+@[A-Za-z0-9_./-]+$",
        "help" : "The action the workflows use: owner/repository@version. Replace <owner> with the account that publishes the action.",
        "actionInput" : false
      }, {
        "name" : "twin-name",
        "label" : "Twin workflow name",
        "group" : "twin",
        "kind" : "text",
        "default" : "Neon twin",
        "help" : "The twin workflow's name, as the Actions tab shows it.",
        "actionInput" : false
      }, {
        "name" : "schedule",
        "label" : "Schedule (cron, UTC)",
        "group" : "twin",
        "kind" : "cron",
        "default" : "random-night",
        "help" : "When the twin is refreshed: a cron expression in UTC (minute hour day-of-month month day-of-week). The default is a random minute at night, never midnight, when GitHub delays or drops the most scheduled runs.",
        "actionInput" : false
      }, {
        "name" : "dispatch",
        "label" : "Run by hand from the Actions tab",
        "group" : "twin",
        "kind" : "boolean",
        "default" : "true",
        "help" : "Also refresh by hand, from the Actions tab (workflow_dispatch).",
        "actionInput" : false
      }, {
        "name" : "refresh-on-merge",
        "label" : "Refresh after a pull request is merged",
        "group" : "twin",
        "kind" : "boolean",
        "default" : "false",
        "help" : "Also refresh when a pull request into the branch is merged.",
        "actionInput" : false
      }, {
        "name" : "branch",
        "label" : "Branch",
        "group" : "twin",
        "kind" : "text",
        "default" : "main",
        "pattern" : "^[A-Za-z0-9._/-]+$",
        "help" : "The branch pull requests are merged into (refresh on merge, reverse twin).",
        "actionInput" : false
      }, {
        "name" : "concurrency",
        "label" : "Concurrency group",
        "group" : "twin",
        "kind" : "text",
        "default" : "neon-twin",
        "pattern" : "^[A-Za-z0-9._-]*$",
        "help" : "Concurrency group shared by the twin's runs, so a second run waits instead of overlapping. Empty: none.",
        "actionInput" : false
      }, {
        "name" : "runner",
        "label" : "Runner",
        "group" : "twin",
        "kind" : "text",
        "default" : "ubuntu-latest",
        "pattern" : "^[A-Za-z0-9._-]+$",
        "help" : "The runner: ubuntu-latest, or a self-hosted runner's label (one that can reach production).",
        "actionInput" : false
      }, {
        "name" : "ca-certificate",
        "label" : "CA certificate from a secret",
        "group" : "twin",
        "kind" : "boolean",
        "default" : "false",
        "help" : "Production's CA certificate comes from a secret: a step writes it to neon-twin-ca.pem from an environment variable (never echoed) for the URL's sslrootcert.",
        "actionInput" : false,
        "secret" : "DATABASE_CA_CERTIFICATE",
        "secretHelp" : "Production's CA certificate (PEM); end PRODUCTION_DATABASE_URL with sslmode=verify-full&sslrootcert=/github/workspace/neon-twin-ca.pem."
      }, {
        "name" : "reverse",
        "label" : "Reverse twin: carry migrations to production",
        "group" : "reverse",
        "kind" : "boolean",
        "default" : "false",
        "help" : "Also write neon-reverse-twin.yml: carry the migrations in the repository to production (reverse twin).",
        "actionInput" : false
      }, {
        "name" : "reverse-name",
        "label" : "Reverse twin workflow name",
        "group" : "reverse",
        "kind" : "text",
        "default" : "Neon reverse twin",
        "help" : "The reverse twin workflow's name.",
        "requires" : "reverse",
        "actionInput" : false
      }, {
        "name" : "apply-on-merge",
        "label" : "Apply on merge",
        "group" : "reverse",
        "kind" : "boolean",
        "default" : "true",
        "help" : "Apply the migrations to production when they are merged (pull requests always get a dry run: plan, hazards, rehearsal on the twin).",
        "requires" : "reverse",
        "actionInput" : false
      }, {
        "name" : "environment",
        "label" : "Environment with reviewers",
        "group" : "reverse",
        "kind" : "text",
        "default" : "production",
        "pattern" : "^[A-Za-z0-9._ -]+$",
        "help" : "The GitHub environment the apply job runs in: give it required reviewers so a person approves each apply.",
        "requires" : "reverse",
        "actionInput" : false
      }, {
        "name" : "refresh-after-apply",
        "label" : "Refresh the twin after a successful apply",
        "group" : "reverse",
        "kind" : "boolean",
        "default" : "false",
        "help" : "Refresh the twin after, and only after, a successful apply (needs: apply).",
        "requires" : "reverse",
        "actionInput" : false
      }, {
        "name" : "jobs",
        "label" : "Jobs (jobs)",
        "group" : "twin",
        "kind" : "number",
        "default" : "4",
        "min" : 1,
        "max" : 64,
        "help" : "Parallel COPY streams and index builds, 1 to 64.",
        "actionInput" : true
      }, {
        "name" : "schemas",
        "label" : "Schemas (schemas)",
        "group" : "twin",
        "kind" : "list",
        "default" : "",
        "help" : "Copy only these schemas (comma-separated). Empty: every schema.",
        "actionInput" : true
      }, {
        "name" : "exclude-schemas",
        "label" : "Exclude schemas (exclude-schemas)",
        "group" : "twin",
        "kind" : "list",
        "default" : "",
        "help" : "Do not copy these schemas (comma-separated).",
        "actionInput" : true
      }, {
        "name" : "tables",
        "label" : "Tables (tables)",
        "group" : "twin",
        "kind" : "list",
        "default" : "",
        "help" : "Copy only these tables: [schema.]name patterns with * and ? (comma-separated).",
        "actionInput" : true
      }, {
        "name" : "exclude-tables",
        "label" : "Exclude tables (exclude-tables)",
        "group" : "twin",
        "kind" : "list",
        "default" : "",
        "help" : "Do not copy these tables at all (patterns, comma-separated).",
        "actionInput" : true
      }, {
        "name" : "exclude-table-data",
        "label" : "Exclude table data (exclude-table-data)",
        "group" : "twin",
        "kind" : "list",
        "default" : "",
        "help" : "Create these tables but copy none of their rows, e.g. audit logs (patterns, comma-separated).",
        "actionInput" : true
      }, {
        "name" : "rules-path",
        "label" : "Rules path (rules-path)",
        "group" : "twin",
        "kind" : "text",
        "default" : "",
        "help" : "The rules file in the repository (docs/privacy.md): subsets, masked columns, strict check of personal columns.",
        "actionInput" : true
      }, {
        "name" : "masking-key",
        "label" : "Masking key (masking-key)",
        "group" : "twin",
        "kind" : "secret",
        "default" : "false",
        "help" : "The key of the keyed masks of the rules file; it lives in the secret MASKING_KEY.",
        "actionInput" : true,
        "secret" : "MASKING_KEY",
        "secretHelp" : "The key of the keyed masks of the rules file; it lives in the secret MASKING_KEY."
      }, {
        "name" : "verify",
        "label" : "Verify (verify)",
        "group" : "twin",
        "kind" : "choice",
        "default" : "counts",
        "allowed" : [ "counts", "checksums", "none" ],
        "help" : "How the twin is checked after the copy: row counts, checksums, or not at all.",
        "actionInput" : true
      }, {
        "name" : "pg-bin",
        "label" : "Pg bin (pg-bin)",
        "group" : "twin",
        "kind" : "text",
        "default" : "",
        "help" : "The action's pg-bin input (see action.yml).",
        "actionInput" : true
      }, {
        "name" : "migrations-path",
        "label" : "Migrations path (migrations-path)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "migrations",
        "pattern" : "^[A-Za-z0-9._/-]+$",
        "help" : "The folder of migration files (V<version>__<description>.sql) in the repository.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "lock-timeout",
        "label" : "Lock timeout (lock-timeout)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "5s",
        "help" : "The action's lock-timeout input (see action.yml); default 5s.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "statement-timeout",
        "label" : "Statement timeout (statement-timeout)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "15min",
        "help" : "The action's statement-timeout input (see action.yml); default 15min.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "baseline-version",
        "label" : "Baseline version (baseline-version)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "",
        "help" : "The action's baseline-version input (see action.yml).",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "out-of-order",
        "label" : "Out of order (out-of-order)",
        "group" : "reverse",
        "kind" : "boolean",
        "default" : "false",
        "help" : "The action's out-of-order input (see action.yml); default false.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "lock-retries",
        "label" : "Lock retries (lock-retries)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "3",
        "help" : "The action's lock-retries input (see action.yml); default 3.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "history-table",
        "label" : "History table (history-table)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "neon_twin.schema_migrations",
        "help" : "The action's history-table input (see action.yml); default neon_twin.schema_migrations.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "rehearse-on",
        "label" : "Rehearse on (rehearse-on)",
        "group" : "reverse",
        "kind" : "text",
        "default" : "twin",
        "help" : "The action's rehearse-on input (see action.yml); default twin.",
        "requires" : "reverse",
        "actionInput" : true
      }, {
        "name" : "neon-api-key",
        "label" : "Neon api key (neon-api-key)",
        "group" : "both",
        "kind" : "secret",
        "default" : "false",
        "help" : "The action's neon-api-key input (see action.yml); default false.",
        "actionInput" : true,
        "secret" : "NEON_API_KEY",
        "secretHelp" : "The action's neon-api-key input (see action.yml); default false."
      }, {
        "name" : "neon-project-id",
        "label" : "Neon project id (neon-project-id)",
        "group" : "both",
        "kind" : "text",
        "default" : "",
        "help" : "The action's neon-project-id input (see action.yml).",
        "actionInput" : true
      }, {
        "name" : "twin-branch",
        "label" : "Twin branch (twin-branch)",
        "group" : "both",
        "kind" : "text",
        "default" : "",
        "help" : "The action's twin-branch input (see action.yml).",
        "actionInput" : true
      }, {
        "name" : "reset-branches",
        "label" : "Reset branches (reset-branches)",
        "group" : "twin",
        "kind" : "text",
        "default" : "",
        "help" : "The action's reset-branches input (see action.yml).",
        "actionInput" : true
      }, {
        "name" : "reset-branches-required",
        "label" : "Reset branches required (reset-branches-required)",
        "group" : "twin",
        "kind" : "boolean",
        "default" : "false",
        "help" : "The action's reset-branches-required input (see action.yml); default false.",
        "actionInput" : true
      }, {
        "name" : "report-file",
        "label" : "Report file (report-file)",
        "group" : "both",
        "kind" : "text",
        "default" : "neon-twin-report.json",
        "help" : "The action's report-file input (see action.yml); default neon-twin-report.json.",
        "actionInput" : true
      }, {
        "name" : "slack-webhook-url",
        "label" : "Slack webhook url (slack-webhook-url)",
        "group" : "both",
        "kind" : "secret",
        "default" : "false",
        "help" : "Post the outcome to Slack; the incoming-webhook URL lives in the secret SLACK_WEBHOOK_URL.",
        "actionInput" : true,
        "secret" : "SLACK_WEBHOOK_URL",
        "secretHelp" : "Post the outcome to Slack; the incoming-webhook URL lives in the secret SLACK_WEBHOOK_URL."
      }, {
        "name" : "webhook-url",
        "label" : "Webhook url (webhook-url)",
        "group" : "both",
        "kind" : "secret",
        "default" : "false",
        "help" : "POST the JSON report to a webhook; its URL lives in the secret WEBHOOK_URL.",
        "actionInput" : true,
        "secret" : "WEBHOOK_URL",
        "secretHelp" : "POST the JSON report to a webhook; its URL lives in the secret WEBHOOK_URL."
      }, {
        "name" : "notify",
        "label" : "Notify (notify)",
        "group" : "both",
        "kind" : "choice",
        "default" : "always",
        "allowed" : [ "always", "failure", "never" ],
        "help" : "When Slack and the webhook hear of a run: always, on failure only, or never.",
        "actionInput" : true
      }, {
        "name" : "notify-required",
        "label" : "Notify required (notify-required)",
        "group" : "both",
        "kind" : "boolean",
        "default" : "false",
        "help" : "The action's notify-required input (see action.yml); default false.",
        "actionInput" : true
      } ],
      "requiredSecrets" : [ {
        "name" : "PRODUCTION_DATABASE_URL",
        "help" : "Production's connection string, ideally a read-only role for the twin."
      }, {
        "name" : "TWIN_DATABASE_URL",
        "help" : "The Neon twin database's connection string."
      } ]
    },
    "templates" : {
      "neon-twin.yml" : "{{=<% %>=}}\n# Written by the neon-twin workflow generator (neon-twin init, or its page). It refreshes the Neon twin of\n# production with the neon-twin action. Secrets it reads: <%secretNames%>.\nname: <%twinName%>\n\non:\n  schedule:\n    - cron: '<%schedule%>'\n<%#dispatch%>\n  workflow_dispatch:\n<%/dispatch%>\n<%#refreshOnMerge%>\n  pull_request:\n    types: [closed]\n    branches: [<%branch%>]\n<%/refreshOnMerge%>\n\npermissions:\n  contents: read\n<%#hasConcurrency%>\n\n# One refresh at a time: a second run waits for the first instead of overlapping it.\nconcurrency:\n  group: <%concurrency%>\n  cancel-in-progress: false\n<%/hasConcurrency%>\n\njobs:\n  twin:\n<%#refreshOnMerge%>\n    # A pull request closed without merging changes nothing.\n    if: github.event_name != 'pull_request' || github.event.pull_request.merged == true\n<%/refreshOnMerge%>\n    runs-on: <%runner%>\n    steps:\n<%>twin-steps%>\n",
      "neon-reverse-twin.yml" : "{{=<% %>=}}\n# Written by the neon-twin workflow generator (neon-twin init, or its page). It carries the migrations in\n# <%migrationsPath%>/ to production with the neon-twin action: a dry run (plan, hazards, rehearsal on the twin) on\n# every pull request that changes them<%#applyOnMerge%>, and the apply once they are merged and a reviewer approves<%/applyOnMerge%>.\nname: <%reverseName%>\n\non:\n  pull_request:\n    paths: ['<%migrationsPath%>/**']\n<%#applyOnMerge%>\n  push:\n    branches: [<%branch%>]\n    paths: ['<%migrationsPath%>/**']\n<%/applyOnMerge%>\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\njobs:\n  dry-run:\n    if: github.event_name != 'push'\n    runs-on: <%runner%>\n    steps:\n      - uses: actions/checkout@v4\n<%>ca-step%>\n      - uses: <%actionRef%>\n        with:\n          direction: reverse-twin\n          production-url: ${{ secrets.PRODUCTION_DATABASE_URL }}\n          twin-url: ${{ secrets.TWIN_DATABASE_URL }}\n          dry-run: 'true'\n<%#reverseWith%>\n          <%name%>: <%&value%>\n<%/reverseWith%>\n<%#applyOnMerge%>\n  apply:\n    if: github.event_name == 'push'\n    runs-on: <%runner%>\n    # Give this environment required reviewers: each apply waits for their approval.\n    environment: <%environment%>\n    # One apply at a time (dry runs are not in the group, so a pull request never cancels a waiting apply).\n    concurrency:\n      group: neon-reverse-twin-apply\n      cancel-in-progress: false\n    steps:\n      - uses: actions/checkout@v4\n<%>ca-step%>\n      - uses: <%actionRef%>\n        with:\n          direction: reverse-twin\n          production-url: ${{ secrets.PRODUCTION_DATABASE_URL }}\n          twin-url: ${{ secrets.TWIN_DATABASE_URL }}\n<%#reverseWith%>\n          <%name%>: <%&value%>\n<%/reverseWith%>\n<%#refreshAfterApply%>\n  refresh-twin:\n    # Only after a successful apply, so the twin has production's new schema.\n    needs: apply\n    runs-on: <%runner%>\n<%#hasConcurrency%>\n    # In the twin workflow's group: never at the same time as a scheduled refresh.\n    concurrency:\n      group: <%concurrency%>\n      cancel-in-progress: false\n<%/hasConcurrency%>\n    steps:\n<%>twin-steps%>\n<%/refreshAfterApply%>\n<%/applyOnMerge%>\n",
      "twin-steps" : "{{=<% %>=}}\n<%>ca-step%>\n      - name: Refresh the twin\n        id: twin\n        uses: <%actionRef%>\n        with:\n          production-url: ${{ secrets.PRODUCTION_DATABASE_URL }}\n          twin-url: ${{ secrets.TWIN_DATABASE_URL }}\n<%#twinWith%>\n          <%name%>: <%&value%>\n<%/twinWith%>\n      - name: Keep the report\n        if: always()\n        uses: actions/upload-artifact@v4\n        with:\n          name: neon-twin-report\n          path: ${{ steps.twin.outputs.report-path }}\n          if-no-files-found: ignore\n",
      "ca-step" : "{{=<% %>=}}\n<%#caCertificate%>\n      - name: Write production's CA certificate\n        env:\n          DATABASE_CA_CERTIFICATE: ${{ secrets.DATABASE_CA_CERTIFICATE }}\n        run: printf '%s\\n' \"$DATABASE_CA_CERTIFICATE\" > neon-twin-ca.pem\n<%/caCertificate%>\n"
    }
  };
  if (typeof module === 'object' && module.exports) { module.exports = data; } else { root.NEON_TWIN_DATA = data; }
})(this);
