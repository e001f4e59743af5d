package io.neontwin.diff;

import io.neontwin.reversetwin.HazardDetector;
import io.neontwin.reversetwin.Migration;
import io.neontwin.reversetwin.MigrationVersion;
import io.neontwin.reversetwin.SqlSplitter;
import io.neontwin.reversetwin.SqlStatement;
import io.neontwin.report.Hazard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the written statements for hazards with the reverse twin's own detector, as one migration (so that
 * statements on a table the migration creates are not flagged), and hands each statement its own.
 */
final class DiffHazards {
    private DiffHazards() {
    }

    static List<DiffStatement> read(List<Step> steps) {
        StringBuilder text = new StringBuilder();
        Map<Integer, Integer> stepByLine = new HashMap<>();
        int line = 1;
        for (int i = 0; i < steps.size(); i++) {
            stepByLine.put(line, i);
            String sql = steps.get(i).sql() + ";\n";
            text.append(sql);
            line += (int) sql.chars().filter(c -> c == '\n').count();
        }
        List<SqlStatement> statements = SqlSplitter.split(text.toString());
        Migration migration = new Migration(MigrationVersion.parse("1"), "schema diff", "diff.sql", text.toString(), "",
                statements, steps.stream().allMatch(Step::transactional));
        List<List<Hazard>> hazards = new ArrayList<>();
        steps.forEach(step -> hazards.add(new ArrayList<>()));
        for (Hazard hazard : HazardDetector.detect(migration)) {
            Integer step = stepByLine.get(hazard.line());
            if (step != null) {
                hazards.get(step).add(hazard);
            }
        }
        List<DiffStatement> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            result.add(new DiffStatement(steps.get(i).sql() + ";", steps.get(i).transactional(), hazards.get(i)));
        }
        return result;
    }
}
