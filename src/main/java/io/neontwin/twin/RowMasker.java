package io.neontwin.twin;

import java.util.List;
import java.util.Map;

/**
 * Rewrites the masked fields of one table's text COPY rows in the runner, between production and the twin: the
 * unmasked value never reaches the twin, and no key or mask is ever sent to production as SQL.
 */
final class RowMasker {
    /** A masked column: its position in the COPY's column list and its rule. */
    record MaskedColumn(int position, String name, PrivacyRules.ColumnRule rule) {
    }

    private final List<MaskedColumn> columns;
    private final MaskingKey key;

    RowMasker(List<MaskedColumn> columns, MaskingKey key) {
        this.columns = List.copyOf(columns);
        this.key = key;
    }

    List<MaskedColumn> columns() {
        return columns;
    }

    byte[] mask(byte[] row) {
        String[] fields = CopyTextRow.fields(row);
        for (MaskedColumn column : columns) {
            String value = CopyTextRow.unescape(fields[column.position()]);
            if (value != null) {
                Map<String, String> parameters = column.rule().parameters();
                fields[column.position()] = CopyTextRow.escape(column.rule().transformer().apply(value, key, parameters));
            }
        }
        return CopyTextRow.join(fields);
    }
}
