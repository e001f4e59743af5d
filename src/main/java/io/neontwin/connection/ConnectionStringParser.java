package io.neontwin.connection;

import io.neontwin.connection.ConnectionSpec.HostPort;
import io.neontwin.secrets.Secrets;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static ConnectionSpec parse(String inputName, String text) {
        if (text == null || text.isBlank()) {
            throw new io.neontwin.errors.UserError(io.neontwin.errors.ExitCode.INVALID_INPUT,
                    inputName + " is empty; set it to the database's connection string, e.g. postgresql://USER:PASSWORD@HOST/DATABASE.");
        }
        String trimmed = text.strip();
        Map<String, String> values = trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")
                ? parseUri(inputName, trimmed)
                : parseKeyValue(inputName, trimmed);
        Secrets.register(values.get("password"));
        return build(inputName, values);
    }

    private static ConnectionSpec build(String inputName, Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!LIBPQ_KEYWORDS.contains(key)) {
                throw ConnectionSpec.malformed(inputName, "unknown parameter '" + key + "'");
            }
        }
        String user = values.remove("user");
        String password = values.remove("password");
        String hostText = values.remove("host");
        String portText = values.remove("port");
        String database = values.remove("dbname");
        List<HostPort> hosts = hostPorts(inputName, hostText, portText);
        if (database == null || database.isEmpty()) {
            // libpq defaults the database to the user name; a twin tool must not guess which database to copy.
            throw ConnectionSpec.malformed(inputName, "it names no database");
        }
        return new ConnectionSpec(inputName, hosts, database, user, password, values);
    }

    private static List<HostPort> hostPorts(String inputName, String hostText, String portText) {
        if (hostText == null || hostText.isEmpty()) {
            throw ConnectionSpec.malformed(inputName, "it names no host");
        }
        String[] hostNames = hostText.split(",", -1);
        String[] ports = portText == null || portText.isEmpty() ? new String[0] : portText.split(",", -1);
        if (ports.length > 1 && ports.length != hostNames.length) {
            throw ConnectionSpec.malformed(inputName, "it lists " + hostNames.length + " hosts but " + ports.length + " ports");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (int i = 0; i < hostNames.length; i++) {
            String host = hostNames[i];
            if (host.isEmpty()) {
                throw ConnectionSpec.malformed(inputName, "a host name is empty");
            }
            if (host.startsWith("/")) {
                throw ConnectionSpec.malformed(inputName, "Unix-domain sockets are not supported; use a TCP host name");
            }
            String portValue = ports.length == 0 ? null : ports[ports.length == 1 ? 0 : i];
            hosts.add(new HostPort(host, port(inputName, portValue)));
        }
        return hosts;
    }

    private static int port(String inputName, String text) {
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
            throw ConnectionSpec.malformed(inputName, "port '" + text + "' is not a number from 1 to 65535");
        }
    }

    // postgresql://[user[:password]@][host[:port][,...]][/dbname][?param=value&...]
    private static Map<String, String> parseUri(String inputName, String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String rest = uri.substring(uri.indexOf("://") + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            throw ConnectionSpec.malformed(inputName, "it contains '#' (percent-encode it as %23 in the password)");
        }
        int query = rest.indexOf('?');
        String queryText = query >= 0 ? rest.substring(query + 1) : "";
        rest = query >= 0 ? rest.substring(0, query) : rest;
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && !rest.substring(slash + 1).isEmpty()) {
            values.put("dbname", decode(inputName, rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                values.put("password", decode(inputName, userInfo.substring(colon + 1)));
                userInfo = userInfo.substring(0, colon);
            }
            if (!userInfo.isEmpty()) {
                values.put("user", decode(inputName, userInfo));
            }
        }
        parseUriHosts(inputName, authority, values);
        if (!queryText.isEmpty()) {
            for (String parameter : queryText.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw ConnectionSpec.malformed(inputName, "query parameter '" + parameter + "' has no value");
                }
                values.put(decode(inputName, parameter.substring(0, equals)), decode(inputName, parameter.substring(equals + 1)));
            }
        }
        return values;
    }

    private static void parseUriHosts(String inputName, String authority, Map<String, String> values) {
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String hostPort : authority.split(",", -1)) {
            String host;
            String port = "";
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw ConnectionSpec.malformed(inputName, "an IPv6 address lacks its closing ']'");
                }
                host = hostPort.substring(1, close);
                if (hostPort.length() > close + 1) {
                    if (hostPort.charAt(close + 1) != ':') {
                        throw ConnectionSpec.malformed(inputName, "unexpected text after an IPv6 address");
                    }
                    port = hostPort.substring(close + 2);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
                port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            }
            hosts.add(decode(inputName, host));
            ports.add(port);
        }
        if (!(hosts.size() == 1 && hosts.get(0).isEmpty())) {
            values.put("host", String.join(",", hosts));
        }
        if (ports.stream().anyMatch(p -> !p.isEmpty())) {
            values.put("port", String.join(",", ports));
        }
    }

    private static String decode(String inputName, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw ConnectionSpec.malformed(inputName, "it has an invalid percent-encoding (a '%' not followed by two hex digits)");
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
    private static Map<String, String> parseKeyValue(String inputName, String text) {
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
                throw ConnectionSpec.malformed(inputName, "'" + key + "' has no '=' (expected a URI or key=value pairs)");
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
                    throw ConnectionSpec.malformed(inputName, "a quoted value lacks its closing quote");
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
