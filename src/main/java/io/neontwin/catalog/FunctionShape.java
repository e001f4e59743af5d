package io.neontwin.catalog;

/**
 * A function or procedure: what CREATE OR REPLACE cannot change.
 *
 * @param kindWord  FUNCTION or PROCEDURE
 * @param arguments pg_get_function_arguments(): parameter names and defaults cannot be changed in place
 * @param result    pg_get_function_result()
 */
public record FunctionShape(String kindWord, String arguments, String result) {
}
