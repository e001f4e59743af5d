package io.neontwin.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neontwin.face.OptionTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * site/generator-data.js: the catalog and the template sources, as one script the page loads (a script, not a JSON
 * fetch, so the page works from file://). It is generated from the same resources init reads; SiteDataTest keeps the
 * committed file equal, and {@code java -cp target/classes:... io.neontwin.init.SiteData site/generator-data.js}
 * (or that test with -Dneontwin.update=true) rewrites it.
 */
public final class SiteData {
    public static final String PATH = "site/generator-data.js";

    private SiteData() {
    }

    public static String render(OptionCatalog catalog, WorkflowTemplates templates) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("catalog", catalog.toJson());
        data.put("templates", templates.sources());
        String json;
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            json = new ObjectMapper().writer(printer).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "// Generated from src/main/resources/io/neontwin/init and io.neontwin.face.OptionTable by io.neontwin.init.SiteData:\n"
                + "// do not edit (SiteDataTest keeps it equal to them).\n"
                + "(function (root) {\n"
                + "  var data = " + json.replace("\n", "\n  ") + ";\n"
                + "  if (typeof module === 'object' && module.exports) { module.exports = data; } else { root.NEON_TWIN_DATA = data; }\n"
                + "})(this);\n";
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : PATH);
        Files.writeString(target, render(OptionCatalog.load(), WorkflowTemplates.load()));
    }
}
