package io.neontwin.face;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@link OptionTable} as one face received them (the command line, or the action's inputs), typed and
 * validated; each face words its errors its own way and names an option as its users write it.
 */
public interface OptionValues {
    /** The value given (or its environment variable, or the default); null when there is none. */
    String text(OptionTable option);

    List<String> list(OptionTable option);

    boolean flag(OptionTable option);

    /** A whole number within the table's range, or a one-sentence error naming the option and the range. */
    int number(OptionTable option);

    List<Path> paths(OptionTable option);

    /** The option as this face's users write it, for error messages: {@code --verify} or {@code verify}. */
    String nameOf(OptionTable option);
}
