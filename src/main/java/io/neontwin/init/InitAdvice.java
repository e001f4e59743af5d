package io.neontwin.init;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What init tells the user after the files: the secrets to create, by exact name, and what to do next. */
final class InitAdvice {
    private InitAdvice() {
    }

    static void print(WorkflowOptions options, PrintWriter out) {
        out.println();
        out.println("Create these repository secrets (Settings > Secrets and variables > Actions):");
        List<SecretToCreate> secrets = WorkflowView.secrets(options);
        int width = secrets.stream().mapToInt(secret -> secret.name().length()).max().orElse(0);
        for (SecretToCreate secret : secrets) {
            out.println("  " + secret.name() + " ".repeat(width - secret.name().length()) + "  " + secret.help());
        }
        out.println();
        out.println("Next steps:");
        List<String> steps = nextSteps(options);
        for (int i = 0; i < steps.size(); i++) {
            out.println("  " + (i + 1) + ". " + steps.get(i));
        }
        out.println();
        out.println("The same options on the workflow generator page: site/index.html#" + SharedLink.fragment(options));
        out.println("Or again here: " + SharedLink.commandLine(options));
    }

    static List<String> nextSteps(WorkflowOptions options) {
        List<String> steps = new ArrayList<>();
        if (options.value("action-ref").contains("<owner>")) {
            steps.add("Replace <owner> in 'uses: " + options.value("action-ref") + "' with the account that publishes the action (or rerun with --owner).");
        }
        steps.add("Create the secrets above.");
        if (options.isOn("reverse") && options.isOn("apply-on-merge")) {
            steps.add("Create the environment '" + options.value("environment") + "' (Settings > Environments) with required reviewers: each apply to production waits for one.");
        }
        steps.add("Commit the workflow files and push them to the default branch.");
        steps.add(options.isOn("dispatch")
                ? "Run 'Actions > " + options.value("twin-name") + " > Run workflow' once to make the first twin; then it runs on its schedule (" + options.value("schedule") + " UTC)."
                : "The first twin is made at the next scheduled time (" + options.value("schedule") + " UTC).");
        steps.add("In a public repository GitHub disables schedules after 60 days without activity: re-enable the workflow from the Actions tab if that happens.");
        return steps;
    }
}
