package io.neontwin.catalog;

import java.util.List;

/** An enum type's values, in order, as string literals. */
public record EnumShape(String name, List<String> labels) {
    public EnumShape {
        labels = List.copyOf(labels);
    }
}
