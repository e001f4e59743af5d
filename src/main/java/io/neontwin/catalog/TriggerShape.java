package io.neontwin.catalog;

/**
 * A trigger.
 *
 * @param table      qualified
 * @param name       quoted as needed
 * @param definition pg_get_triggerdef()
 * @param state      whether and when it fires
 */
public record TriggerShape(String table, String name, String definition, TriggerState state) {
    /** The ALTER TABLE that gives the trigger its state. */
    public String stateSql() {
        return "ALTER TABLE " + table + " " + state.sql() + " TRIGGER " + name;
    }
}
