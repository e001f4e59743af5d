package io.neontwin.catalog;

import java.util.List;

/**
 * An enum type.
 *
 * @param name   qualified
 * @param schema its schema, quoted as needed
 * @param labels its values, in order, as string literals
 */
public record EnumShape(String name, String schema, List<String> labels) {
    public EnumShape {
        labels = List.copyOf(labels);
    }
}
