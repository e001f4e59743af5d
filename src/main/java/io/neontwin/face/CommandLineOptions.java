package io.neontwin.face;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's side of {@link OptionTable}: adds a command's options to its picocli spec, in the order given
 * (the order --help lists them), and reads the parsed values back, typed, with the table's validation.
 */
public final class CommandLineOptions implements OptionValues {
    private final CommandSpec spec;

    private CommandLineOptions(CommandSpec spec) {
        this.spec = spec;
    }

    /** Adds the options to the command, with the help the command of that direction shows. */
    public static CommandLineOptions addTo(CommandSpec spec, Direction direction, List<OptionTable> options) {
        for (OptionTable option : options) {
            spec.addOption(optionSpec(option.definition(), direction));
        }
        return new CommandLineOptions(spec);
    }

    private static OptionSpec optionSpec(OptionDefinition definition, Direction direction) {
        String help = direction == Direction.REVERSE_TWIN && definition.reverseTwinHelp() != null
                ? definition.reverseTwinHelp() : definition.cliHelp();
        OptionSpec.Builder builder = OptionSpec.builder(definition.cliName())
                .description(help == null ? new String[0] : new String[]{help})
                .required(definition.requiredOnCommandLine())
                .hidden(definition.hidden())
                .defaultValue(definition.cliDefault());
        OptionKind kind = definition.kind();
        if (kind.repeatable()) {
            builder.type(kind.type()).auxiliaryTypes(kind.elementType()).initialValue(new ArrayList<>());
        } else {
            builder.type(kind.type());
        }
        if (definition.cliLabel() != null) {
            builder.paramLabel(definition.cliLabel());
        }
        return builder.build();
    }

    private <T> T value(OptionTable option) {
        OptionSpec parsed = spec.findOption(option.cliName());
        if (parsed == null) {
            throw new IllegalArgumentException(option.cliName() + " is not an option of " + spec.qualifiedName());
        }
        return parsed.getValue();
    }

    /** The text given, the environment variable's or the default; null when none. A secret with no flag comes from its variable only. */
    @Override
    public String text(OptionTable option) {
        if (option.cliName() == null && option.definition().env() != null) {
            return System.getenv(option.definition().env());
        }
        return value(option);
    }

    @Override
    public boolean flag(OptionTable option) {
        Boolean value = value(option);
        return value != null && value;
    }

    @Override
    public String nameOf(OptionTable option) {
        return option.cliName();
    }

    public Path path(OptionTable option) {
        return value(option);
    }

    @Override
    public List<String> list(OptionTable option) {
        List<String> values = value(option);
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public List<Path> paths(OptionTable option) {
        List<Path> values = value(option);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A whole number within the table's range; outside it, one sentence that names the option and the range. */
    @Override
    public int number(OptionTable option) {
        int number = this.<Integer>value(option);
        OptionDefinition definition = option.definition();
        if (number < definition.min() || number > definition.max()) {
            throw new UserError(ExitCode.INVALID_INPUT, option.cliName() + " is " + number + "; use a number from "
                    + definition.min() + " to " + definition.max() + ".");
        }
        return number;
    }
}
