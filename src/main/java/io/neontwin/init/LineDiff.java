package io.neontwin.init;

import java.util.ArrayList;
import java.util.List;

/** The lines that differ between a file on disk and the one init would write, as {@code -}/{@code +} lines. */
final class LineDiff {
    private LineDiff() {
    }

    /** Lines only in {@code before} start with "- ", only in {@code after} with "+ "; common lines are left out. */
    static List<String> between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        // Longest common subsequence table, from the end: workflows are a few hundred lines at most.
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                diff.add("+ " + b[j++]);
            } else {
                diff.add("- " + a[i++]);
            }
        }
        return diff;
    }
}
