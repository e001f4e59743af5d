package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TocEntryTest {
    @Test
    void readsMultiWordDescriptionsAndNamesWithSpaces() {
        TocEntry entry = TocEntry.parse("3502; 2606 17140 FK CONSTRAINT Sales Ω Order Lines Order Lines_person_id_fkey postgres").orElseThrow();
        assertEquals(3502, entry.dumpId());
        assertEquals(2606, entry.catalogTable());
        assertEquals(17140, entry.oid());
        assertEquals("FK CONSTRAINT", entry.desc());
        assertEquals("Sales Ω Order Lines Order Lines_person_id_fkey", entry.label());
    }

    @Test
    void anExtensionHasNoOwner() {
        TocEntry entry = TocEntry.parse("2; 3079 16868 EXTENSION - citext ").orElseThrow();
        assertEquals("EXTENSION", entry.desc());
        assertEquals("- citext", entry.label());
    }

    @Test
    void theLongestKnownDescriptionWins() {
        assertEquals("MATERIALIZED VIEW DATA", TocEntry.parse("9; 0 16559 MATERIALIZED VIEW DATA public v postgres").orElseThrow().desc());
        assertEquals("MATERIALIZED VIEW", TocEntry.parse("8; 1259 16559 MATERIALIZED VIEW public v postgres").orElseThrow().desc());
    }

    @Test
    void commentLinesAreNotEntries() {
        assertTrue(TocEntry.parse(";     Dumped from database version: 15.18").isEmpty());
    }
}
