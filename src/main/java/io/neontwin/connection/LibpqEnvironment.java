package io.neontwin.connection;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What libpq adds to a connection string that leaves something out, in libpq's order: the string's own values win,
 * then the service file's section (service= or PGSERVICE), then the PG* environment variables; a missing password
 * comes from the password file (passfile= or PGPASSFILE, else ~/.pgpass). Resolving it once, here, lets the JDBC
 * connection and the pg_dump/psql it starts use the same settings (pgjdbc reads none of the variables and only some files).
 */
final class LibpqEnvironment {
    /** libpq's environment variables and the keyword each one defaults. */
    private static final Map<String, String> VARIABLES = variables();

    private final Map<String, String> environment;

    LibpqEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        String[][] pairs = {{"PGHOST", "host"}, {"PGHOSTADDR", "hostaddr"}, {"PGPORT", "port"}, {"PGDATABASE", "dbname"},
                {"PGUSER", "user"}, {"PGPASSWORD", "password"}, {"PGPASSFILE", "passfile"}, {"PGREQUIREAUTH", "require_auth"},
                {"PGCHANNELBINDING", "channel_binding"}, {"PGOPTIONS", "options"}, {"PGAPPNAME", "application_name"},
                {"PGSSLMODE", "sslmode"}, {"PGSSLNEGOTIATION", "sslnegotiation"}, {"PGSSLCOMPRESSION", "sslcompression"},
                {"PGSSLCERT", "sslcert"}, {"PGSSLKEY", "sslkey"}, {"PGSSLCERTMODE", "sslcertmode"},
                {"PGSSLROOTCERT", "sslrootcert"}, {"PGSSLCRL", "sslcrl"}, {"PGSSLCRLDIR", "sslcrldir"},
                {"PGSSLSNI", "sslsni"}, {"PGREQUIREPEER", "requirepeer"},
                {"PGSSLMINPROTOCOLVERSION", "ssl_min_protocol_version"}, {"PGSSLMAXPROTOCOLVERSION", "ssl_max_protocol_version"},
                {"PGGSSENCMODE", "gssencmode"}, {"PGKRBSRVNAME", "krbsrvname"}, {"PGGSSLIB", "gsslib"},
                {"PGGSSDELEGATION", "gssdelegation"}, {"PGCONNECT_TIMEOUT", "connect_timeout"},
                {"PGCLIENTENCODING", "client_encoding"}, {"PGTARGETSESSIONATTRS", "target_session_attrs"},
                {"PGLOADBALANCEHOSTS", "load_balance_hosts"}};
        for (String[] pair : pairs) {
            variables.put(pair[0], pair[1]);
        }
        return variables;
    }

    /** Fills in, without overriding, what the service file and the environment say; the password last, from the passfile. */
    void complete(String inputName, Map<String, String> values) {
        String service = values.containsKey("service") ? values.get("service") : environment.get("PGSERVICE");
        if (service != null && !service.isEmpty()) {
            serviceSection(inputName, service).forEach(values::putIfAbsent);
        }
        VARIABLES.forEach((variable, keyword) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                values.putIfAbsent(keyword, value);
            }
        });
        if (!values.containsKey("password")) {
            passwordFromPassfile(values).ifPresent(password -> values.put("password", password));
        }
        // Resolved into values: neither file is a setting pgjdbc or a child process needs any more.
        values.remove("passfile");
        values.remove("service");
    }

    private Map<String, String> serviceSection(String inputName, String service) {
        for (Path file : serviceFiles()) {
            Map<String, String> section = readSection(file, service);
            if (section != null) {
                return section;
            }
        }
        throw new UserError(ExitCode.INVALID_INPUT, inputName + " names service '" + service + "', which no service file defines; "
                + "add a [" + service + "] section to " + serviceFiles().get(0) + " (or set PGSERVICEFILE to the file that has it).");
    }

    private List<Path> serviceFiles() {
        List<Path> files = new ArrayList<>();
        String serviceFile = environment.get("PGSERVICEFILE");
        files.add(serviceFile != null && !serviceFile.isEmpty() ? Path.of(serviceFile) : home().resolve(".pg_service.conf"));
        String sysconfdir = environment.get("PGSYSCONFDIR");
        if (sysconfdir != null && !sysconfdir.isEmpty()) {
            files.add(Path.of(sysconfdir, "pg_service.conf"));
        }
        return files;
    }

    private Path home() {
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    }

    /** libpq's format: [name] headers, key=value lines, # comments; null when the file or the section is absent. */
    private static Map<String, String> readSection(Path file, String service) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, String> section = null;
        for (String raw : lines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (section != null) {
                    return section;
                }
                if (line.equals("[" + service + "]")) {
                    section = new LinkedHashMap<>();
                }
            } else if (section != null && line.indexOf('=') > 0) {
                section.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return section;
    }

    private Optional<String> passwordFromPassfile(Map<String, String> values) {
        String named = values.get("passfile");
        Path file = named != null && !named.isEmpty() ? Path.of(named) : home().resolve(".pgpass");
        if (!Files.isRegularFile(file) || tooOpen(file)) {
            return Optional.empty();
        }
        String user = values.getOrDefault("user", environment.getOrDefault("USER", System.getProperty("user.name")));
        String database = values.getOrDefault("dbname", user);
        String port = firstOf(values.getOrDefault("port", String.valueOf(ConnectionSpec.DEFAULT_PORT)));
        String host = firstOf(values.getOrDefault("host", "localhost"));
        for (String line : lines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = passfileFields(line);
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), port)
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static String firstOf(String list) {
        return list.split(",", -1)[0];
    }

    /** libpq ignores a password file others can read (and says so); so does this. */
    private static boolean tooOpen(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (UnsupportedOperationException notPosix) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value);
    }

    /** hostname:port:database:username:password, with '\' escaping ':' and '\'. */
    private static List<String> passfileFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
