package io.neontwin.init;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The questions init asks at a terminal when no flag was given: the options most teams change. Enter keeps the value
 * shown; a value the option does not allow is explained and asked again. Every other option is a flag.
 */
final class InitQuestions {
    static final List<String> ASKED = List.of("action-ref", "schedule", "refresh-on-merge", "exclude-table-data", "slack-webhook-url",
            "ca-certificate", "runner", "reverse", "apply-on-merge", "environment", "refresh-after-apply");

    private final BufferedReader in;
    private final PrintWriter out;

    InitQuestions(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    WorkflowOptions ask(WorkflowOptions options) {
        for (String name : ASKED) {
            CatalogOption option = options.catalog().option(name).orElseThrow();
            if (option.requires() != null && !options.isOn(option.requires())) {
                continue;
            }
            options = askOne(options, option);
        }
        return options;
    }

    private WorkflowOptions askOne(WorkflowOptions options, CatalogOption option) {
        while (true) {
            out.println(option.help());
            out.print(option.name() + " [" + options.value(option.name()) + "]: ");
            out.flush();
            String answer = readLine();
            if (answer == null || answer.isBlank()) {
                return options;
            }
            try {
                return options.with(option.name(), answer);
            } catch (IllegalArgumentException invalid) {
                out.println("  " + invalid.getMessage() + "; try again, or press Enter to keep the value shown.");
            }
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
