package io.neontwin.action;

import io.neontwin.secrets.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the passwords in a connection string without parsing it. ConnectionSpec.parse registers the password too,
 * but only once the whole string is valid; a malformed URL must not leave its password unmasked, so the action
 * registers what this finds before the parser (or anything else) can print.
 */
final class ConnectionSecrets {
    // password=... or sslpassword=... in a libpq key=value string or a URI query: quoted (with \' escapes) or bare.
    private static final Pattern KEYWORD_PASSWORD =
            Pattern.compile("(?:^|[\\s?&])(?:ssl)?password\\s*=\\s*(?:'((?:\\\\.|[^'\\\\])*)'?|([^\\s&]+))");

    private ConnectionSecrets() {
    }

    static void register(String connectionString) {
        passwordsIn(connectionString).forEach(Secrets::register);
    }

    static List<String> passwordsIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String trimmed = text.strip();
        int scheme = trimmed.indexOf("://");
        if (scheme >= 0) {
            String rest = trimmed.substring(scheme + 3);
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                // The user-info ends at the last '@' (libpq's rule); a password may itself hold '/', '?', ':' or '@'.
                String userInfo = rest.substring(0, at);
                int colon = userInfo.indexOf(':');
                if (colon >= 0) {
                    found.add(userInfo.substring(colon + 1));
                }
            }
        }
        Matcher matcher = KEYWORD_PASSWORD.matcher(trimmed);
        while (matcher.find()) {
            String quoted = matcher.group(1);
            if (quoted != null) {
                found.add(quoted);
                found.add(quoted.replaceAll("\\\\(.)", "$1"));
            } else {
                found.add(matcher.group(2));
            }
        }
        found.removeIf(String::isEmpty);
        return found;
    }
}
