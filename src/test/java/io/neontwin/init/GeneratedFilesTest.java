package io.neontwin.init;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.neontwin.init.InitTesting.CATALOG;
import static io.neontwin.init.InitTesting.RESOURCES;
import static io.neontwin.init.InitTesting.TEMPLATES;

/** The committed files that come out of the generator: the page's data script and examples/workflows. */
class GeneratedFilesTest {
    @Test
    void thePageDataIsTheCatalogAndTheTemplatesInitUses() {
        GoldenFiles.assertFile(Path.of(SiteData.PATH), SiteData.render(CATALOG, TEMPLATES));
    }

    @Test
    void theExampleWorkflowsAreRenderedFromTheTemplates() {
        for (JsonNode example : InitTesting.json(RESOURCES.resolve("examples.json")).path("examples")) {
            WorkflowOptions options = InitTesting.options(example.path("options"));
            GeneratedFile file = TEMPLATES.render(options).stream()
                    .filter(generated -> generated.path().endsWith("/" + example.path("file").asText())).findFirst().orElseThrow();
            GoldenFiles.assertFile(Path.of("examples/workflows", example.path("example").asText()), file.content());
        }
    }
}
