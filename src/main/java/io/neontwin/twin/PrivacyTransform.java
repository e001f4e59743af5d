package io.neontwin.twin;

import java.util.Optional;

/** A table's rule in the copy: its 'where' runs in production's SELECT; its masks run in the runner ({@link RowMasker}). */
record PrivacyTransform(String where, RowMasker masker) implements TableTransform {

    @Override
    public Optional<String> rowFilter() {
        return Optional.ofNullable(where);
    }

    @Override
    public Optional<RowMasker> masking() {
        return Optional.ofNullable(masker);
    }
}
