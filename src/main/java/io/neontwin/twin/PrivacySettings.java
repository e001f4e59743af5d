package io.neontwin.twin;

import java.nio.file.Path;

/**
 * What the privacy rules of a twin run come from (docs/privacy.md).
 *
 * @param rulesFile the rules file (YAML), or null: every table copied whole, nothing masked
 * @param key       the masking key for keyed transformers, or null when none was given
 */
public record PrivacySettings(Path rulesFile, MaskingKey key) {
    public static final PrivacySettings NONE = new PrivacySettings(null, null);

    boolean hasRules() {
        return rulesFile != null;
    }
}
