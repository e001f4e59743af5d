package io.neontwin.connection;

import io.neontwin.connection.ConnectionSpec.HostPort;
import io.neontwin.secrets.Secrets;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** libpq's two connection-string syntaxes, parsed by its rules (percent-decoding, quoting, host lists). */
final class ConnectionStringParser {
    /** libpq's keywords; anything else is a typo that libpq itself would reject. */
    private static final Set<String> LIBPQ_KEYWORDS = Set.of(
            "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "require_auth", "channel_binding",
            "connect_timeout", "client_encoding", "options", "application_name", "fallback_application_name",
            "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
            "replication", "gssencmode", "sslmode", "sslnegotiation", "sslcompression", "sslcert", "sslkey",
            "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
            "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation",
            "service", "target_session_attrs", "load_balance_hosts");

    private ConnectionStringParser() {
    }

    /**
     * The input's name, and the parts of its text that may hold the password. A malformed string is reported before
     * its password is known (and registered as a secret), so an error quotes a piece of the text only where that piece
     * cannot be part of the password: a password with an unencoded '/' or a space would otherwise show up as a "port"
     * or a "word".
     */
    record Input(String name, List<String> secretRegions) {
        String quote(String fragment) {
            for (String region : secretRegions) {
                if (overlaps(region, fragment)) {
                    return "(not shown: it may hold the password)";
                }
            }
            return "'" + fragment + "'";
        }

        private static boolean overlaps(String region, String fragment) {
            if (region.contains(fragment) || fragment.contains(region)) {
                return true;
            }
            for (int i = 0; i + 3 <= fragment.length(); i++) {
                if (region.contains(fragment.substring(i, i + 3))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Where a password may be, conservatively: in a URI, everything from the scheme to the last '@' (the user
     * information, wherever an unencoded delimiter would cut it) and everything after a password= query parameter;
     * in key=value form, everything after the password keyword (an unquoted password with spaces runs on).
     */
    static List<String> secretRegions(String text) {
        List<String> regions = new ArrayList<>();
        // Any text with an '@' may be a URI (with a scheme we do not know, or none): its user information runs up to the last '@'.
        int schemeEnd = text.indexOf("://");
        int start = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        int at = text.lastIndexOf('@');
        boolean oneWord = at >= 0 && text.substring(0, at).chars().noneMatch(Character::isWhitespace);
        if (at > start && (schemeEnd >= 0 || oneWord)) {
            regions.add(text.substring(start, at));
        }
        int password = text.indexOf("password");
        while (password >= 0) {
            int equals = text.indexOf('=', password);
            if (equals > 0) {
                regions.add(text.substring(equals + 1));
            }
            password = text.indexOf("password", password + 1);
        }
        regions.removeIf(String::isEmpty);
        return regions;
    }

    static ConnectionSpec parse(String inputName, String text, Map<String, String> environment) {
        if (text == null || text.isBlank()) {
            throw new io.neontwin.errors.UserError(io.neontwin.errors.ExitCode.INVALID_INPUT,
                    inputName + " is empty; set it to the database's connection string, e.g. postgresql://USER:PASSWORD@HOST/DATABASE.");
        }
        String trimmed = text.strip();
        boolean uri = trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://");
        if (!uri) {
            rejectOtherSchemes(inputName, trimmed);
        }
        Input input = new Input(inputName, secretRegions(trimmed));
        Map<String, String> values = uri
                ? parseUri(input, trimmed)
                : parseKeyValue(input, trimmed);
        Secrets.register(values.get("password"));
        new LibpqEnvironment(environment).complete(inputName, values);
        Secrets.register(values.get("password"));
        Secrets.register(values.get("sslpassword"));
        return build(input, values);
    }

    // A URI scheme as RFC 3986 spells one: "postgress", "http", "postgresql+psycopg2", "jdbc".
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    /**
     * A string that is not libpq's URI but starts like one (another scheme, an upper-case one, one slash, no scheme
     * before user:password@) would otherwise be read as a key=value word and quoted whole, password included. Only the
     * scheme is named: it ends at the first ':', before any password.
     */
    private static void rejectOtherSchemes(String inputName, String text) {
        Matcher scheme = SCHEME.matcher(text);
        if (!scheme.find() || text.indexOf('=') >= 0 && text.indexOf('=') < scheme.end()) {
            return;
        }
        String name = scheme.group(1);
        String afterColon = text.substring(scheme.end());
        boolean postgres = name.equalsIgnoreCase("postgresql") || name.equalsIgnoreCase("postgres");
        if (!afterColon.startsWith("/") && !text.contains("://")) {
            if (text.indexOf('@') >= 0) {
                throw ConnectionSpec.malformed(inputName, "it has no scheme");
            }
            return;
        }
        if (postgres && !afterColon.startsWith("//")) {
            throw ConnectionSpec.malformed(inputName, "'" + name + ":' must be followed by '//'");
        }
        if (postgres) {
            throw ConnectionSpec.malformed(inputName, "scheme '" + name + "' must be written in lower case");
        }
        throw ConnectionSpec.malformed(inputName, "unknown scheme '" + name + "'");
    }

    private static ConnectionSpec build(Input input, Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!LIBPQ_KEYWORDS.contains(key)) {
                throw ConnectionSpec.malformed(input.name(), "unknown parameter " + input.quote(key));
            }
        }
        String user = values.remove("user");
        String password = values.remove("password");
        String hostText = values.remove("host");
        String portText = values.remove("port");
        String database = values.remove("dbname");
        List<HostPort> hosts = hostPorts(input, hostText, portText);
        if (database == null || database.isEmpty()) {
            // libpq defaults the database to the user name; a twin tool must not guess which database to copy.
            throw ConnectionSpec.malformed(input.name(), "it names no database");
        }
        return new ConnectionSpec(input.name(), hosts, database, user, password, values);
    }

    private static List<HostPort> hostPorts(Input input, String hostText, String portText) {
        if (hostText == null || hostText.isEmpty()) {
            throw ConnectionSpec.malformed(input.name(), "it names no host");
        }
        String[] hostNames = hostText.split(",", -1);
        String[] ports = portText == null || portText.isEmpty() ? new String[0] : portText.split(",", -1);
        if (ports.length > 1 && ports.length != hostNames.length) {
            throw ConnectionSpec.malformed(input.name(), "it lists " + hostNames.length + " hosts but " + ports.length + " ports");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (int i = 0; i < hostNames.length; i++) {
            String host = hostNames[i];
            if (host.isEmpty()) {
                throw ConnectionSpec.malformed(input.name(), "a host name is empty");
            }
            if (host.startsWith("/")) {
                throw ConnectionSpec.malformed(input.name(), "Unix-domain sockets are not supported; use a TCP host name");
            }
            String portValue = ports.length == 0 ? null : ports[ports.length == 1 ? 0 : i];
            hosts.add(new HostPort(host, port(input, portValue)));
        }
        return hosts;
    }

    private static int port(Input input, String text) {
        if (text == null || text.isEmpty()) {
            return ConnectionSpec.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw ConnectionSpec.malformed(input.name(), "port " + input.quote(text) + " is not a number from 1 to 65535");
        }
    }

    // postgresql://[user[:password]@][host[:port][,...]][/dbname][?param=value&...]
    private static Map<String, String> parseUri(Input input, String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String rest = uri.substring(uri.indexOf("://") + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            throw ConnectionSpec.malformed(input.name(), "it contains '#' (percent-encode it as %23 in the password)");
        }
        int lastAt = rest.lastIndexOf('@');
        int authorityEnd = firstOf(rest, '/', '?');
        if (lastAt > authorityEnd && authorityEnd >= 0 && rest.substring(0, authorityEnd).indexOf(':') >= 0
                && rest.substring(authorityEnd, lastAt).indexOf('=') < 0) {
            // user:pa/ss@host/db: the '/' ends the authority before the '@', so the host would be "user" and the port "pa".
            throw ConnectionSpec.malformed(input.name(), "its user name or password holds a '/' or '?' that is not "
                    + "percent-encoded (write '/' as %2F and '?' as %3F)");
        }
        int query = rest.indexOf('?');
        String queryText = query >= 0 ? rest.substring(query + 1) : "";
        rest = query >= 0 ? rest.substring(0, query) : rest;
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && !rest.substring(slash + 1).isEmpty()) {
            values.put("dbname", decode(input, rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                values.put("password", decode(input, userInfo.substring(colon + 1)));
                userInfo = userInfo.substring(0, colon);
            }
            if (!userInfo.isEmpty()) {
                values.put("user", decode(input, userInfo));
            }
        }
        parseUriHosts(input, authority, values);
        if (!queryText.isEmpty()) {
            for (String parameter : queryText.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw ConnectionSpec.malformed(input.name(), "query parameter " + input.quote(parameter) + " has no value");
                }
                values.put(decode(input, parameter.substring(0, equals)), decode(input, parameter.substring(equals + 1)));
            }
        }
        return values;
    }

    private static int firstOf(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        return first < 0 ? second : second < 0 ? first : Math.min(first, second);
    }

    private static void parseUriHosts(Input input, String authority, Map<String, String> values) {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String hostPort : authority.split(",", -1)) {
            String host;
            String port = "";
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw ConnectionSpec.malformed(input.name(), "an IPv6 address lacks its closing ']'");
                }
                host = hostPort.substring(1, close);
                if (hostPort.length() > close + 1) {
                    if (hostPort.charAt(close + 1) != ':') {
                        throw ConnectionSpec.malformed(input.name(), "unexpected text after an IPv6 address");
                    }
                    port = hostPort.substring(close + 2);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
                port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            }
            hosts.add(decode(input, host));
            ports.add(port);
        }
        if (!(hosts.size() == 1 && hosts.get(0).isEmpty())) {
            values.put("host", String.join(",", hosts));
        }
        if (ports.stream().anyMatch(p -> !p.isEmpty())) {
            values.put("port", String.join(",", ports));
        }
    }

    private static String decode(Input input, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw ConnectionSpec.malformed(input.name(), "it has an invalid percent-encoding (a '%' not followed by two hex digits)");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    // host=db.example.com port=5432 dbname='my db' password='it\'s'
    private static Map<String, String> parseKeyValue(Input input, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw ConnectionSpec.malformed(input.name(), "word " + input.quote(key) + " has no '=' (expected a URI, or key=value pairs with values that contain spaces in single quotes)");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw ConnectionSpec.malformed(input.name(), "a quoted value lacks its closing quote");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
            }
            values.put(key, value.toString());
        }
        return values;
    }
}
