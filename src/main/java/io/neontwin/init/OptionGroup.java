package io.neontwin.init;

import io.neontwin.face.Direction;

import java.util.Locale;

/**
 * Which workflow an option shapes: the twin's, the reverse twin's, or both. For an action input it also says under
 * which workflow's {@code with:} the input is written.
 */
public enum OptionGroup {
    TWIN, REVERSE, BOTH;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OptionGroup fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** An action input that only one direction reads goes in that direction's workflow only. */
    static OptionGroup of(Direction onlyFor) {
        if (onlyFor == null) {
            return BOTH;
        }
        return onlyFor == Direction.TWIN ? TWIN : REVERSE;
    }

    boolean includes(OptionGroup workflow) {
        return this == BOTH || this == workflow;
    }
}
