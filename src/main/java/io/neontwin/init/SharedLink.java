package io.neontwin.init;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A configuration as the page shares it, in its URL fragment ({@code #schedule=17+3+*+*+*&reverse=true}: only the
 * options that differ from their default), and as the equivalent {@code neon-twin init} command line. site/generator.js
 * writes and reads the same two forms; the shared test vectors keep them equal.
 */
public final class SharedLink {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@=,+-]+");

    /** A configuration read from a link, and what the link said that could not be used (each with why). */
    public record Parsed(WorkflowOptions options, List<Ignored> ignored) {
    }

    /** A name=value pair of a link that was left out: an unknown option, or a value the option does not allow. */
    public record Ignored(String name, String value, String reason) {
        public String describe() {
            return name + (value == null ? "" : "=" + value) + " (" + reason + ")";
        }
    }

    private SharedLink() {
    }

    public static String fragment(WorkflowOptions options) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> chosen : options.chosen()) {
            pairs.add(encode(chosen.getKey()) + "=" + encode(chosen.getValue()));
        }
        return String.join("&", pairs);
    }

    /** Reads the fragment of a page URL (or a bare fragment); options it does not set keep their defaults. */
    public static Parsed parse(String urlOrFragment, OptionCatalog catalog, RandomGenerator random) {
        int hash = urlOrFragment.indexOf('#');
        String fragment = hash >= 0 ? urlOrFragment.substring(hash + 1) : urlOrFragment;
        WorkflowOptions options = WorkflowOptions.defaults(catalog, random);
        List<Ignored> ignored = new ArrayList<>();
        for (String pair : fragment.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals >= 0 ? pair.substring(0, equals) : pair);
            String value = equals >= 0 ? decode(pair.substring(equals + 1)) : null;
            if (catalog.option(name).isEmpty()) {
                ignored.add(new Ignored(name, value, "no such option"));
            } else if (value == null) {
                ignored.add(new Ignored(name, null, "no value"));
            } else {
                try {
                    options = options.with(name, value);
                } catch (IllegalArgumentException invalid) {
                    ignored.add(new Ignored(name, value, invalid.getCause() == null ? invalid.getMessage() : invalid.getCause().getMessage()));
                }
            }
        }
        return new Parsed(options, ignored);
    }

    /** The {@code neon-twin init} command line that writes the same files as the page. */
    public static String commandLine(WorkflowOptions options) {
        StringBuilder line = new StringBuilder("neon-twin init");
        for (Map.Entry<String, String> chosen : options.chosen()) {
            CatalogOption option = options.catalog().option(chosen.getKey()).orElseThrow();
            boolean onOff = option.kind() == OptionKind.BOOLEAN || option.kind() == OptionKind.SECRET;
            line.append(" --").append(chosen.getKey());
            if (onOff) {
                line.append("true".equals(chosen.getValue()) ? "" : "=false");
            } else {
                line.append(' ').append(shellQuote(chosen.getValue()));
            }
        }
        return line.toString();
    }

    static String shellQuote(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }
}
