package io.neontwin.reversetwin;

/**
 * One statement of a migration file, as the server will receive it.
 *
 * @param sql        the statement's text without its terminating semicolon (comments inside it kept)
 * @param firstLine  the 1-based line of the file where the statement's first non-blank, non-comment character is
 * @param offset     the index in the file's text of the statement's first character (to map a server's error
 *                   position back to a line)
 */
public record SqlStatement(String sql, int firstLine, int offset) {
}
