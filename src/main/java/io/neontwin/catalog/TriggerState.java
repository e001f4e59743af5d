package io.neontwin.catalog;

/** When a trigger fires (pg_trigger.tgenabled), and the ALTER TABLE words that set it. */
public enum TriggerState {
    ENABLED("O", "ENABLE"),
    DISABLED("D", "DISABLE"),
    REPLICA("R", "ENABLE REPLICA"),
    ALWAYS("A", "ENABLE ALWAYS");

    private final String code;
    private final String sql;

    TriggerState(String code, String sql) {
        this.code = code;
        this.sql = sql;
    }

    static TriggerState of(String tgenabled) {
        for (TriggerState state : values()) {
            if (state.code.equals(tgenabled)) {
                return state;
            }
        }
        throw new IllegalArgumentException("trigger state " + tgenabled);
    }

    public String sql() {
        return sql;
    }
}
