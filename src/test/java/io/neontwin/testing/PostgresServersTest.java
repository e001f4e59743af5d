package io.neontwin.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostgresServersTest {
    @ParameterizedTest
    @ValueSource(ints = {13, 15, 17})
    void startsARealServerOfTheRequestedMajor(int major) {
        TestServer server = PostgresServers.get(major);
        assertEquals(major, server.queryLong("postgres", "SELECT current_setting('server_version_num')::int / 10000"));
    }
}
