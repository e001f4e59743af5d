package io.neontwin.diff;

/**
 * One statement the diff writes, before hazards are read.
 *
 * @param sql           without the final semicolon
 * @param transactional false for a statement that must run on its own, outside a transaction block
 */
record Step(String sql, boolean transactional) {
    static Step of(String sql) {
        return new Step(sql, true);
    }

    static Step alone(String sql) {
        return new Step(sql, false);
    }
}
