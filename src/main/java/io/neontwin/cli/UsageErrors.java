package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.secrets.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.List;

/**
 * The one sentence for a command line picocli could not parse: which word is wrong, what was probably meant, and
 * where the options are listed.
 */
final class UsageErrors {
    /** A command whose required options deserve a sentence that says what to pass, not only that they are missing. */
    interface RequiredOptionHints {
        /** The sentence (without "error: ") for a required option that was not given, or null for the generic one. */
        String whenMissing(String optionName);
    }

    private UsageErrors() {
    }

    /** The sentence to print after "error: ", and the exit code of the mistake. */
    record Explained(String sentence, ExitCode exitCode) {
    }

    static Explained explain(CommandLine.ParameterException exception, String[] args) {
        CommandSpec command = exception.getCommandLine().getCommandSpec();
        String help = "run '" + command.qualifiedName() + " --help' for the options.";
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return new Explained(unmatched(command, unmatched.getUnmatched()) + "; " + help, ExitCode.USAGE);
        }
        // picocli reports a missing required option before an unknown one, but "--migration m" is a typo, not an omission
        List<String> unknown = Arrays.stream(args).filter(arg -> arg.startsWith("--") && command.findOption(
                arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) == null).toList();
        if (exception instanceof CommandLine.MissingParameterException && !unknown.isEmpty()) {
            return new Explained(unmatched(command, unknown) + "; " + help, ExitCode.USAGE);
        }
        if (exception instanceof CommandLine.MissingParameterException missing
                && command.userObject() instanceof RequiredOptionHints hints) {
            for (var argument : missing.getMissing()) {
                if (argument instanceof CommandLine.Model.OptionSpec option && hints.whenMissing(option.longestName()) != null) {
                    return new Explained(hints.whenMissing(option.longestName()), ExitCode.INVALID_INPUT);
                }
            }
        }
        String message = Secrets.redact(exception.getMessage()).strip();
        return new Explained((message.endsWith(".") ? message.substring(0, message.length() - 1) : message) + "; " + help,
                otherExitCode(exception));
    }

    /**
     * An option that does not exist, or no command at all, is a usage error (2); a known option whose value is missing
     * or cannot be converted ("--jobs many") is an invalid input (3), like a value the command itself rejects.
     */
    private static ExitCode otherExitCode(CommandLine.ParameterException exception) {
        if (exception instanceof CommandLine.MissingParameterException || exception.getCause() instanceof CommandLine.TypeConversionException
                || exception.getCause() != null && exception.getArgSpec() != null) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.USAGE;
    }

    /**
     * Names the first word that is not an option and what was meant; the words after it (the "4" of "--paralel 4")
     * are the unknown option's value, not more mistakes.
     */
    private static String unmatched(CommandSpec command, List<String> words) {
        String first = words.stream().filter(word -> word.startsWith("-")).findFirst().orElse(words.get(0));
        boolean option = first.startsWith("-");
        String typed = option && first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        String shown = Secrets.redact(typed);
        var suggestion = option ? OptionSuggestion.forOption(command, typed) : OptionSuggestion.forCommand(command, typed);
        String what = option ? "unknown option '" + shown + "'"
                : command.subcommands().isEmpty() ? "unexpected argument '" + shown + "'" : "unknown command '" + shown + "'";
        return suggestion.map(name -> what + " (did you mean " + name + "?)").orElse(what);
    }
}
