package io.neontwin.secrets;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The process-wide list of secret strings (passwords, tokens, webhook URLs). Everything that prints, writes a file or
 * sends a message passes its text through {@link #redact}. Listeners (the GitHub adapter) are told of each new secret
 * so they can mask it before anything else prints.
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final int SHORTEST_SECRET = 3;
    private static final List<String> secrets = new CopyOnWriteArrayList<>();
    private static final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    private Secrets() {
    }

    /** Registers a secret and the forms it may take in text: raw, percent-decoded and percent-encoded. */
    public static void register(String secret) {
        if (secret == null || secret.length() < SHORTEST_SECRET) {
            return;
        }
        addForm(secret);
        try {
            addForm(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a raw secret with a stray '%' is only ever printed raw
        }
        addForm(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        addForm(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static void addForm(String form) {
        if (form.length() < SHORTEST_SECRET || secrets.contains(form)) {
            return;
        }
        secrets.add(form);
        // longest first, so that a secret containing another is masked whole
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        listeners.forEach(listener -> listener.accept(form));
    }

    /** Calls the listener for every secret known now and every one registered later. */
    public static void onRegister(Consumer<String> listener) {
        listeners.add(listener);
        secrets.forEach(listener);
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** For tests: forget every secret and listener. */
    public static void clearForTests() {
        secrets.clear();
        listeners.clear();
    }
}
