package io.neontwin.connection;

import java.util.Locale;
import java.util.Properties;

/** Translates libpq connection parameters into the PostgreSQL JDBC driver's properties of the same meaning. */
final class JdbcParameterMapping {
    private JdbcParameterMapping() {
    }

    static void apply(String key, String value, Properties properties) {
        switch (key) {
            case "sslmode" -> properties.setProperty("sslmode", value);
            case "channel_binding" -> properties.setProperty("channelBinding", value);
            case "sslrootcert" -> {
                if ("system".equals(value)) {
                    // libpq's "use the operating system's CAs" is the JVM's default trust store.
                    properties.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
                } else {
                    properties.setProperty("sslrootcert", value);
                }
            }
            case "sslcert", "sslkey", "sslpassword" -> properties.setProperty(key, value);
            case "sslnegotiation" -> properties.setProperty("sslNegotiation", value);
            case "connect_timeout" -> properties.setProperty("connectTimeout", value);
            case "application_name" -> properties.setProperty("ApplicationName", value);
            case "options" -> properties.setProperty("options", value);
            case "gssencmode" -> properties.setProperty("gssEncMode", value);
            case "keepalives" -> properties.setProperty("tcpKeepAlive", String.valueOf(!"0".equals(value)));
            case "target_session_attrs" -> properties.setProperty("targetServerType", targetServerType(value));
            default -> {
                // libpq-only settings (keepalives_idle, service, ...) have no JDBC equivalent and need none.
            }
        }
    }

    private static String targetServerType(String libpqValue) {
        return switch (libpqValue.toLowerCase(Locale.ROOT)) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }
}
