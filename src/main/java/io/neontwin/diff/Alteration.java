package io.neontwin.diff;

import java.util.List;

/**
 * How an object that exists on both sides is changed in place.
 *
 * @param early            steps that run with the drops, before anything is created (a column's DROP COLUMN, so
 *                         that the type it used can be dropped afterwards)
 * @param inPlace          steps that run where the object is created in dependency order
 * @param recreatesViews   whether the views reading the object must be dropped first and created again (a column
 *                         type change or a dropped column: PostgreSQL refuses both under a view)
 * @param notes            what the steps cannot make equal, one sentence each (a column added at the end rather
 *                         than where it sits on the other side)
 */
record Alteration(List<Step> early, List<Step> inPlace, boolean recreatesViews, List<String> notes) {
    Alteration {
        early = List.copyOf(early);
        inPlace = List.copyOf(inPlace);
        notes = List.copyOf(notes);
    }

    static Alteration inPlace(List<Step> steps) {
        return new Alteration(List.of(), steps, false, List.of());
    }
}
