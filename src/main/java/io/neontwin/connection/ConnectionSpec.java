package io.neontwin.connection;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One PostgreSQL connection string as RDS, Neon and libpq users write it: a {@code postgresql://} or
 * {@code postgres://} URI, or a libpq {@code key=value} string. The same settings reach the JDBC driver
 * ({@link #jdbcUrl()}, {@link #jdbcProperties()}) and libpq's tools ({@link #libpqConninfo()}, {@link #libpqEnvironment()}),
 * so both sides of the engine connect the same way. The password never appears in a conninfo or a description.
 */
public final class ConnectionSpec {
    public static final int DEFAULT_PORT = 5432;

    private final String inputName;
    private final List<HostPort> hosts;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    ConnectionSpec(String inputName, List<HostPort> hosts, String database, String user, String password,
                   Map<String, String> parameters) {
        this.inputName = inputName;
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses a connection string. {@code inputName} names the flag or input it came from ("production-url"),
     * so that every error can say which input to fix. The password is registered as a secret before anything else.
     */
    public static ConnectionSpec parse(String inputName, String text) {
        return parse(inputName, text, System.getenv());
    }

    /** As libpq reads it in this environment: PG* variables, the service file and the password file fill what the text leaves out. */
    public static ConnectionSpec parse(String inputName, String text, Map<String, String> environment) {
        return ConnectionStringParser.parse(inputName, text, environment);
    }

    public String inputName() {
        return inputName;
    }

    public List<HostPort> hosts() {
        return hosts;
    }

    public HostPort primaryHost() {
        return hosts.get(0);
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** The same server and credentials, another database (the twin's staging database, say). */
    public ConnectionSpec withDatabase(String otherDatabase) {
        return new ConnectionSpec(inputName, hosts, otherDatabase, user, password, parameters);
    }

    /** The same database, port and credentials on another host (a Neon branch's compute endpoint, say). */
    public ConnectionSpec withHost(String otherHost) {
        return new ConnectionSpec(inputName, List.of(new HostPort(otherHost, primaryHost().port())), database, user, password, parameters);
    }

    /** Adds or replaces one libpq parameter (application_name, say). */
    public ConnectionSpec withParameter(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(key, value);
        return new ConnectionSpec(inputName, hosts, database, user, password, copy);
    }

    /** host:port/database as users recognise it; never the password. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            text.append(i == 0 ? "" : ",").append(hosts.get(i));
        }
        return text.append('/').append(database).toString();
    }

    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        for (int i = 0; i < hosts.size(); i++) {
            url.append(i == 0 ? "" : ",").append(hosts.get(i));
        }
        return url.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20")).toString();
    }

    /** Driver properties: credentials plus each libpq parameter the JDBC driver has an equivalent for. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        parameters.forEach((key, value) -> JdbcParameterMapping.apply(key, value, properties));
        return properties;
    }

    /**
     * A libpq key=value string for pg_dump/pg_restore/psql: everything but the password, which goes in the
     * environment ({@link #libpqEnvironment()}) so that it never shows on a command line or in {@code ps}.
     */
    public String libpqConninfo() {
        List<String> pairs = new ArrayList<>();
        StringBuilder hostList = new StringBuilder();
        StringBuilder portList = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            hostList.append(i == 0 ? "" : ",").append(hosts.get(i).host());
            portList.append(i == 0 ? "" : ",").append(hosts.get(i).port());
        }
        pairs.add(pair("host", hostList.toString()));
        pairs.add(pair("port", portList.toString()));
        pairs.add(pair("dbname", database));
        if (user != null) {
            pairs.add(pair("user", user));
        }
        parameters.forEach((key, value) -> pairs.add(pair(key, value)));
        return String.join(" ", pairs);
    }

    public Map<String, String> libpqEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        return environment;
    }

    private static String pair(String key, String value) {
        return key + "='" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static UserError malformed(String inputName, String problem) {
        return new UserError(ExitCode.INVALID_INPUT, Secrets.redact(inputName + " is not a valid PostgreSQL connection string: "
                + problem + "; use postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require or key=value pairs."));
    }

    @Override
    public String toString() {
        return describe();
    }
}
