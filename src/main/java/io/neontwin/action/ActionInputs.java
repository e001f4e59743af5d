package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.OptionTable;

import io.neontwin.face.OptionValues;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Typed access to the inputs, defaults applied; every error names the input to fix, as users write it. */
public final class ActionInputs implements OptionValues {
    private final ActionEnvironment environment;

    public ActionInputs(ActionEnvironment environment) {
        this.environment = environment;
    }

    public ActionEnvironment environment() {
        return environment;
    }

    /**
     * The raw value, or null when unset and without default. An option the action has no input for (the benchmark's
     * copy format) is read from its environment variable.
     */
    @Override
    public String text(OptionTable input) {
        if (input.yamlName() == null) {
            String env = input.definition().env();
            return env == null ? input.defaultValue() : environment.variable(env);
        }
        return environment.input(input).orElse(input.defaultValue());
    }

    /** As users write it under {@code with:}; an option without an input by its environment variable. */
    @Override
    public String nameOf(OptionTable input) {
        return input.yamlName() != null ? input.yamlName() : input.definition().env();
    }

    /** Folders, one a line or comma-separated. */
    @Override
    public List<Path> paths(OptionTable input) {
        return list(input).stream().map(Path::of).toList();
    }

    /**
     * Whether the workflow set this input to something other than its default. The runner passes every declared
     * input, filled with action.yml's default when unset, so "given" can only mean "not the default".
     */
    public boolean givenOtherThanDefault(OptionTable input) {
        return environment.input(input).filter(value -> !value.equals(input.defaultValue())).isPresent();
    }

    /** GitHub does not enforce {@code required: true}, so the check is here. */
    public String required(OptionTable input) {
        return environment.input(input).orElseThrow(() -> new UserError(ExitCode.INVALID_INPUT,
                "Input '" + input.yamlName() + "' is required but empty; set it under 'with:', e.g. "
                        + input.yamlName() + ": ${{ secrets." + secretNameHint(input) + " }} (a secret that does not exist arrives empty)."));
    }

    /** YAML 1.2 core schema booleans, as actions/toolkit's getBooleanInput accepts them. */
    @Override
    public boolean flag(OptionTable input) {
        String value = text(input);
        return switch (value) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw new UserError(ExitCode.INVALID_INPUT,
                    "Input '" + input.yamlName() + "' is '" + value + "'; use true or false.");
        };
    }

    /** A whole number within the range {@link OptionTable} gives the input. */
    @Override
    public int number(OptionTable input) {
        return number(input, input.definition().min(), input.definition().max());
    }

    public int number(OptionTable input, int min, int max) {
        String value = text(input);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the valid range
        }
        throw new UserError(ExitCode.INVALID_INPUT,
                "Input '" + input.yamlName() + "' is '" + value + "'; use a whole number from " + min + " to " + max + ".");
    }

    /** One item a line (a YAML block scalar) or comma-separated; blank items are ignored. */
    @Override
    public List<String> list(OptionTable input) {
        String value = text(input);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\r\\n]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String secretNameHint(OptionTable input) {
        return input.yamlName().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
