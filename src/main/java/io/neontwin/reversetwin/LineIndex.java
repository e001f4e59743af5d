package io.neontwin.reversetwin;

import java.util.Arrays;

/** Maps an index in a text to its 1-based line; a line ends at \n, \r\n or a lone \r. */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int lineAt(int index) {
        int found = Arrays.binarySearch(lineStarts, index);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
