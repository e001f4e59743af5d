package io.neontwin.errors;

/** Error text as the one-sentence messages quote it. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The first line of a message: servers and drivers add DETAIL, HINT and WHERE lines that a sentence cannot hold. */
    public static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }

    public static String firstLine(Throwable failure) {
        return firstLine(failure.getMessage());
    }
}
