package io.neontwin.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the passwords in a connection string without parsing it. ConnectionSpec.parse registers the password too,
 * but only once the whole string is valid; a malformed URL must not leave its password unmasked, so the action
 * and the command line register what this finds before the parser (or anything else) can print.
 */
public final class ConnectionSecrets {
    // password=... or sslpassword=... in a libpq key=value string or a URI query: quoted (with \' escapes) or bare.
    private static final Pattern KEYWORD_PASSWORD =
            Pattern.compile("(?:^|[\\s?&])(?:ssl)?password\\s*=\\s*(?:'((?:\\\\.|[^'\\\\])*)'?|((?:\\\\.|[^\\s\\\\])+))");

    private static final Pattern SCHEME_AND_SLASHES = Pattern.compile("^(?:--[a-z-]+=)?[A-Za-z][A-Za-z0-9+.-]*:/+");

    private ConnectionSecrets() {
    }

    public static void register(String connectionString) {
        passwordsIn(connectionString).forEach(Secrets::register);
    }

    /**
     * Every command-line argument and connection variable, before anything parses them: an argument picocli does not
     * know (a misspelt option's value) or a URL the parser rejects is echoed in an error, and must already be masked.
     */
    public static void registerAll(Iterable<String> arguments, java.util.Map<String, String> environment) {
        for (String argument : arguments) {
            register(argument);
            // A webhook URL is a credential as a whole, and the only http(s) URL the commands take.
            String value = argument.startsWith("--") && argument.indexOf('=') > 0 ? argument.substring(argument.indexOf('=') + 1) : argument;
            if (value.startsWith("https://") || value.startsWith("http://")) {
                Secrets.register(value);
            }
        }
        environment.forEach((name, value) -> {
            if (name.endsWith("URL")) {
                register(value);
            }
            if (name.contains("WEBHOOK")) {
                Secrets.register(value);
            }
        });
        Secrets.register(environment.get("PGPASSWORD"));
    }

    public static List<String> passwordsIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String trimmed = text.strip();
        int at = trimmed.lastIndexOf('@');
        String beforeAt = at > 0 ? trimmed.substring(0, at) : "";
        int scheme = beforeAt.indexOf("://");
        if (at > 0 && (scheme >= 0 || beforeAt.chars().noneMatch(Character::isWhitespace))) {
            // The user-info ends at the last '@' (libpq's rule); a password may itself hold '/', '?', ':' or '@'. The
            // scheme may be any (postgress://, http://, postgresql:/) or missing: a malformed URL is still a password.
            Matcher prefix = SCHEME_AND_SLASHES.matcher(beforeAt);
            String userInfo = scheme >= 0 ? beforeAt.substring(scheme + 3) : prefix.lookingAt() ? beforeAt.substring(prefix.end()) : beforeAt;
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                found.add(userInfo.substring(colon + 1));
            }
        }
        Matcher matcher = KEYWORD_PASSWORD.matcher(trimmed);
        while (matcher.find()) {
            String quoted = matcher.group(1);
            if (quoted != null) {
                found.add(quoted);
                found.add(quoted.replaceAll("\\\\(.)", "$1"));
            } else {
                // Bare: up to a space in key=value form (a backslash escapes one), up to '&' in a URI's query.
                String bare = matcher.group(2);
                found.add(bare);
                found.add(bare.replaceAll("\\\\(.)", "$1"));
                if (bare.indexOf('&') > 0) {
                    found.add(bare.substring(0, bare.indexOf('&')));
                }
            }
        }
        found.removeIf(String::isEmpty);
        return found.stream().distinct().toList();
    }
}
