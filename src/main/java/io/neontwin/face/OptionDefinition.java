package io.neontwin.face;

/**
 * One option as every face sees it: its action input (name, description for action.yml and the README), its
 * command-line form (name, value label, help, environment variable), its default, kind and valid range. Built with
 * {@link #define()} in {@link OptionTable}, the one place an option is written down.
 *
 * @param inputName        the action input under {@code with:}, or null when the action has none
 * @param inputHelp        action.yml's description
 * @param required         required in the action (the command line checks the same inputs in its own words)
 * @param defaultValue     the value when unset ("" when none, never null for an action input that is not required)
 * @param onlyFor          the one direction the option means anything for, or null for both
 * @param secret           holds a credential: masked before anything prints
 * @param cliName          the command-line option, or null when only the action has it
 * @param cliLabel         the value's label in --help ({@code <url>}); null for a flag
 * @param cliHelp          the --help line (of twin, and of reverse-twin unless {@code reverseTwinHelp} is set)
 * @param reverseTwinHelp  the --help line of reverse-twin when it says something else there, else null
 * @param env              the environment variable the command line falls back to, or null
 * @param defaultOnlyInTheAction the default is the action's (a path inside the workspace); the command line has none
 * @param requiredOnCommandLine  picocli refuses the command without it (the environment variable counts)
 * @param hidden           left out of --help: for tests only
 */
public record OptionDefinition(String inputName, String inputHelp, boolean required, OptionKind kind, String defaultValue,
                               Integer min, Integer max, Direction onlyFor, boolean secret,
                               String cliName, String cliLabel, String cliHelp, String reverseTwinHelp, String env,
                               boolean defaultOnlyInTheAction, boolean requiredOnCommandLine, boolean hidden) {

    public static Builder define() {
        return new Builder();
    }

    /** The default the command line applies: the environment variable when there is one, else the shared default. */
    String cliDefault() {
        if (env != null) {
            return "${env:" + env + "}";
        }
        if (defaultOnlyInTheAction || kind == OptionKind.FLAG || kind.repeatable() || defaultValue == null || defaultValue.isEmpty()) {
            return null;
        }
        return defaultValue;
    }

    /** Reads like the table: {@code define().input(...).kind(...).cli(...)}; unset parts stay off. */
    public static final class Builder {
        private String inputName;
        private String inputHelp;
        private boolean required;
        private OptionKind kind = OptionKind.TEXT;
        private String defaultValue;
        private Integer min;
        private Integer max;
        private Direction onlyFor;
        private boolean secret;
        private String cliName;
        private String cliLabel;
        private String cliHelp;
        private String reverseTwinHelp;
        private String env;
        private boolean defaultOnlyInTheAction;
        private boolean requiredOnCommandLine;
        private boolean hidden;

        public Builder input(String name, String help) {
            this.inputName = name;
            this.inputHelp = help;
            return this;
        }

        public Builder kind(OptionKind value) {
            this.kind = value;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** The valid range of a {@link OptionKind#NUMBER}, both ends included. */
        public Builder range(int from, int to) {
            this.min = from;
            this.max = to;
            return this;
        }

        public Builder onlyFor(Direction direction) {
            this.onlyFor = direction;
            return this;
        }

        public Builder secret() {
            this.secret = true;
            return this;
        }

        public Builder cli(String name, String label, String help) {
            this.cliName = name;
            this.cliLabel = label;
            this.cliHelp = help;
            return this;
        }

        public Builder reverseTwinHelp(String help) {
            this.reverseTwinHelp = help;
            return this;
        }

        public Builder env(String variable) {
            this.env = variable;
            return this;
        }

        public Builder defaultOnlyInTheAction() {
            this.defaultOnlyInTheAction = true;
            return this;
        }

        public Builder requiredOnCommandLine() {
            this.requiredOnCommandLine = true;
            return this;
        }

        public Builder hidden() {
            this.hidden = true;
            return this;
        }

        OptionDefinition build() {
            // An unset action input arrives as "": a flag's default is false, anything else's is empty.
            String fallback = required ? null : kind == OptionKind.FLAG ? "false" : "";
            return new OptionDefinition(inputName, inputHelp, required, kind, defaultValue != null ? defaultValue : fallback,
                    min, max, onlyFor, secret, cliName, cliLabel, cliHelp, reverseTwinHelp, env, defaultOnlyInTheAction,
                    requiredOnCommandLine, hidden);
        }
    }
}
