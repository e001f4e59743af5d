package io.neontwin.catalog;

/**
 * A sequence's parameters (never its current value: a migration leaves values alone).
 *
 * @param name    qualified
 * @param options AS type INCREMENT BY ... CYCLE, as CREATE and ALTER SEQUENCE both take them
 */
public record SequenceShape(String name, String options) {
}
