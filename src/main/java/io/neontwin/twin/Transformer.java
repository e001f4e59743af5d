package io.neontwin.twin;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a masked column's value is rewritten in the COPY stream (docs/privacy.md has an example of each). The keyed
 * ones are deterministic: the same value and key give the same output in every table and every run.
 */
enum Transformer {
    /** HMAC-SHA256 of the value under the key, as 64 hex digits. */
    HASH("hash", true) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            return HexFormat.of().formatHex(key.hmac(value));
        }
    },
    /** A local part from the HMAC; the domain kept ({@code keep_domain: true}) or replaced ({@code domain}, example.com by default). */
    EMAIL("email", true) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            int at = value.lastIndexOf('@');
            String domain = Boolean.parseBoolean(parameters.getOrDefault("keep_domain", "false")) && at >= 0
                    ? value.substring(at + 1) : parameters.getOrDefault("domain", "example.com");
            return "user-" + HexFormat.of().formatHex(key.hmac(value)).substring(0, 16) + "@" + domain;
        }
    },
    NULL("null", false) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            return null;
        }
    },
    /** The same text ({@code value}) in every row. */
    CONSTANT("constant", false) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            return parameters.getOrDefault("value", "");
        }
    },
    PERSON_FIRST_NAME("person_first_name", true) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            return pick(FIRST_NAMES, key, value);
        }
    },
    PERSON_LAST_NAME("person_last_name", true) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            return pick(LAST_NAMES, key, value);
        }
    },
    /** Every digit replaced by one from the HMAC; everything else (+, spaces, dashes) and the length kept. */
    PHONE("phone", true) {
        @Override
        String apply(String value, MaskingKey key, Map<String, String> parameters) {
            byte[] digest = key.hmac(value);
            StringBuilder out = new StringBuilder(value.length());
            int d = 0;
            for (char c : value.toCharArray()) {
                out.append(Character.isDigit(c) ? (char) ('0' + Math.floorMod(digest[d++ % digest.length], 10)) : c);
            }
            return out.toString();
        }
    };

    private static final List<String> FIRST_NAMES = List.of("Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley",
            "Jamie", "Robin", "Avery", "Quinn", "Charlie", "Dana", "Emery", "Finley", "Harper", "Kai", "Lee", "Noa", "Sasha");
    private static final List<String> LAST_NAMES = List.of("Smith", "Garcia", "Müller", "Rossi", "Dubois", "Novak", "Silva",
            "Jensen", "Kowalski", "Nakamura", "Okafor", "Larsen", "Moreau", "Costa", "Fischer", "Ivanova", "Haddad", "Kim",
            "Walsh", "Berg");

    private final String ruleName;
    private final boolean keyed;

    Transformer(String ruleName, boolean keyed) {
        this.ruleName = ruleName;
        this.keyed = keyed;
    }

    /** The value as the twin gets it (null for SQL NULL); never called for a NULL on production, which stays NULL. */
    abstract String apply(String value, MaskingKey key, Map<String, String> parameters);

    String ruleName() {
        return ruleName;
    }

    boolean keyed() {
        return keyed;
    }

    /** Why this mask's output cannot go into the column, if it cannot: the keyed ones write text, null needs a nullable column. */
    Optional<String> misfit(ProductionCatalog.Column column) {
        if (this == NULL && column.notNull()) {
            return Optional.of("is NOT NULL");
        }
        if (keyed && column.typeCategory() != 'S') {
            return Optional.of("is " + column.type() + ", and " + ruleName + " writes text");
        }
        return Optional.empty();
    }

    static Optional<Transformer> named(String name) {
        for (Transformer transformer : values()) {
            if (transformer.ruleName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(transformer);
            }
        }
        return Optional.empty();
    }

    static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Transformer::ruleName).toList());
    }

    private static String pick(List<String> names, MaskingKey key, String value) {
        byte[] digest = key.hmac(value);
        int index = ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) % names.size();
        return names.get(index);
    }
}
