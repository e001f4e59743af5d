package io.neontwin.face;

import java.nio.file.Path;
import java.util.List;

/** What an option's value is: it decides the picocli type, how the action parses the input, and how lists split. */
public enum OptionKind {
    /** One word or URL. */
    TEXT(String.class),
    /** A whole number within the option's range. */
    NUMBER(int.class),
    /** On or off: a bare flag on the command line, true or false in the action. */
    FLAG(boolean.class),
    /** Repeatable on the command line; one a line or comma-separated in the action. */
    LIST(List.class, String.class),
    /** A PostgreSQL duration such as 500ms, 5s, 2min. */
    DURATION(String.class),
    /** A file or folder. */
    PATH(Path.class),
    /** Repeatable folders. */
    PATHS(List.class, Path.class);

    private final Class<?> type;
    private final Class<?> elementType;

    OptionKind(Class<?> type) {
        this(type, null);
    }

    OptionKind(Class<?> type, Class<?> elementType) {
        this.type = type;
        this.elementType = elementType;
    }

    /** The Java type picocli converts the command line's words to. */
    Class<?> type() {
        return type;
    }

    /** For a repeatable option, the type of one value; null otherwise. */
    Class<?> elementType() {
        return elementType;
    }

    boolean repeatable() {
        return elementType != null;
    }
}
