package io.neontwin.face;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.neon.NeonRehearsalBranches;
import io.neontwin.neon.NeonSettings;
import io.neontwin.run.RehearsalBranches;

import java.util.Locale;
import java.util.Optional;

/** rehearse-on: where the reverse twin rehearses the migrations before it applies them to production. */
public enum RehearseOn {
    /** In one transaction on the twin, rolled back: any PostgreSQL, but no CONCURRENTLY, no time once committed. */
    TWIN("twin"),
    /** On a throwaway Neon branch of the twin, each migration committed as on production, each statement timed. */
    BRANCH("branch");

    private final String value;

    RehearseOn(String value) {
        this.value = value;
    }

    /** As written in the input or the option. */
    public String value() {
        return value;
    }

    /**
     * Where the engine rehearses: null for the twin; a Neon branch needs the Neon settings.
     *
     * @param inputName how the face names this input or option, for the error
     */
    public RehearsalBranches branches(Optional<NeonSettings> neon, String inputName, NeonSettings.InputNames neonNames) {
        if (this == TWIN) {
            return null;
        }
        return NeonRehearsalBranches.standard(neon.orElseThrow(() -> new UserError(ExitCode.INVALID_INPUT, inputName
                + " is branch but " + neonNames.apiKey() + " and " + neonNames.projectId() + " are empty; give both (the branch "
                + "is made in that Neon project, see docs/neon.md), or set " + inputName + " to twin.")));
    }

    /** @param inputName the input or option at fault, as the face names it */
    public static RehearseOn parse(String inputName, String text) {
        String value = text == null || text.isBlank() ? TWIN.value : text.strip().toLowerCase(Locale.ROOT);
        for (RehearseOn place : values()) {
            if (place.value.equals(value)) {
                return place;
            }
        }
        throw new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + text + "'; use twin (a transaction on the twin, rolled "
                + "back) or branch (a throwaway Neon branch of the twin, with neon-api-key and neon-project-id).");
    }
}
