package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pre-data runs over several sessions unless an entry leans on a setting an earlier entry made in its session. */
class PreDataRestoreTest {
    private static final String HEADER = "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n\n";

    @Test
    void aScriptOfPlainTablesAndViewsMayRunInParallel() {
        RestoreScript script = RestoreScript.parse(HEADER
                + "-- TOC entry 210 (class 1259 OID 16385)\nSET default_table_access_method = heap;\n\nCREATE TABLE public.a (id integer);\n\n"
                + "-- TOC entry 211 (class 1259 OID 16390)\n-- Dependencies: 210\nCREATE VIEW public.v AS SELECT id FROM public.a;\n");

        assertFalse(PreDataRestore.changesSessionSettings(script));
    }

    @Test
    void aTableOfAnotherAccessMethodKeepsTheScriptInOneSessionInOrder() {
        RestoreScript script = RestoreScript.parse(HEADER
                + "-- TOC entry 210 (class 1259 OID 16385)\nSET default_table_access_method = columnar;\n\nCREATE TABLE public.a (id integer);\n\n"
                + "-- TOC entry 211 (class 1259 OID 16390)\nCREATE TABLE public.b (id integer);\n");

        assertTrue(PreDataRestore.changesSessionSettings(script));
    }
}
