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
 */
record Alteration(List<Step> early, List<Step> inPlace, boolean recreatesViews) {
    Alteration {
        early = List.copyOf(early);
        inPlace = List.copyOf(inPlace);
    }

    static Alteration inPlace(List<Step> steps) {
        return new Alteration(List.of(), steps, false);
    }
}
