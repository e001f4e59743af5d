package io.neontwin.notify;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Locale;

/** When to send: after every run, only after failures, or never. */
public enum NotifyWhen {
    ALWAYS, FAILURE, NEVER;

    public static NotifyWhen parse(String inputName, String text) {
        String value = text == null || text.isBlank() ? "always" : text.strip().toLowerCase(Locale.ROOT);
        for (NotifyWhen when : values()) {
            if (when.name().toLowerCase(Locale.ROOT).equals(value)) {
                return when;
            }
        }
        throw new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + text + "'; use always, failure or never.");
    }
}
