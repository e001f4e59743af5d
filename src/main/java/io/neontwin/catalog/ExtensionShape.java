package io.neontwin.catalog;

/** An installed extension: name and schema quoted, version as a literal. */
public record ExtensionShape(String name, String schema, String version) {
}
