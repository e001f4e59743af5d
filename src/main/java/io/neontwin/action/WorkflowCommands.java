package io.neontwin.action;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The runner's workflow commands ({@code ::name key=value::data}), escaped as the runner unescapes them
 * (actions/toolkit's command.ts): in data %, CR and LF; in property values also ':' and ','.
 */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    public static String addMask(String secret) {
        return command("add-mask", Map.of(), secret);
    }

    public static String group(String title) {
        return command("group", Map.of(), title);
    }

    public static String endGroup() {
        return "::endgroup::";
    }

    public static String error(String title, String message) {
        return command("error", Map.of("title", title), message);
    }

    public static String warning(String message) {
        return command("warning", Map.of(), message);
    }

    /** An annotation on a file's line: {@code ::error file=migrations/V7__x.sql,line=4,title=...::message}. */
    public static String error(String title, String file, int line, String message) {
        return command("error", fileProperties(title, file, line), message);
    }

    /** A warning annotation on a file's line. */
    public static String warning(String title, String file, int line, String message) {
        return command("warning", fileProperties(title, file, line), message);
    }

    private static Map<String, String> fileProperties(String title, String file, int line) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("file", file);
        properties.put("line", String.valueOf(Math.max(1, line)));
        properties.put("title", title);
        return properties;
    }

    static String command(String name, Map<String, String> properties, String data) {
        StringBuilder line = new StringBuilder("::").append(name);
        if (!properties.isEmpty()) {
            StringJoiner joined = new StringJoiner(",");
            properties.forEach((key, value) -> joined.add(key + "=" + escapeProperty(value)));
            line.append(' ').append(joined);
        }
        return line.append("::").append(escapeData(data)).toString();
    }

    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
