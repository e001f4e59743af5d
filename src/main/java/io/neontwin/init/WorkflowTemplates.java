package io.neontwin.init;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mustache templates of the workflows (src/main/resources/io/neontwin/init), rendered with jmustache here and with
 * mustache.js on the page from the same text. Logic-less: {@link WorkflowView} computes every value they print.
 */
public final class WorkflowTemplates {
    /** Every template, by name; the two whose name ends in .yml are the files, the others their partials. */
    public static final List<String> NAMES = List.of("neon-twin.yml", "neon-reverse-twin.yml", "twin-steps", "ca-step");
    static final String WORKFLOWS_FOLDER = ".github/workflows/";

    private final Map<String, String> sources;
    private final Mustache.Compiler compiler;

    private WorkflowTemplates(Map<String, String> sources) {
        this.sources = sources;
        // YAML, not HTML: nothing is escaped; every value was made safe for YAML by WorkflowView.
        this.compiler = Mustache.compiler().escapeHTML(false).withLoader(name -> new StringReader(sources.get(name)));
    }

    public static WorkflowTemplates load() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : NAMES) {
            sources.put(name, resource(name + ".mustache"));
        }
        return new WorkflowTemplates(sources);
    }

    private static String resource(String name) {
        try (InputStream in = WorkflowTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template sources, as the page receives them. */
    public Map<String, String> sources() {
        return sources;
    }

    /** The workflow files the options ask for: the twin's, and the reverse twin's when it is on. */
    public List<GeneratedFile> render(WorkflowOptions options) {
        Map<String, Object> view = WorkflowView.of(options);
        List<GeneratedFile> files = new ArrayList<>();
        for (String file : WorkflowView.files(options)) {
            Template template = compiler.compile(sources.get(file));
            files.add(new GeneratedFile(WORKFLOWS_FOLDER + file, template.execute(view)));
        }
        return files;
    }
}
