package io.neontwin.catalog;

/**
 * A function or procedure.
 *
 * @param kindWord FUNCTION or PROCEDURE
 * @param result   pg_get_function_result(): CREATE OR REPLACE cannot change it
 */
public record FunctionShape(String kindWord, String result) {
}
