package io.neontwin.action;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pictures the README and docs show exist, and those of real runs are real screenshots (scripts/docs-pictures.sh). */
class DocsPicturesTest {
    private static final Path PROJECT = ActionMetadata.projectDir();
    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]+]\\(((?:docs/)?images/[^)]+)\\)");

    @Test
    void everyPictureTheDocsShowExists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
        try (var docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher image = IMAGE.matcher(Files.readString(page));
            while (image.find()) {
                if (!Files.isRegularFile(page.resolveSibling(image.group(1)))) {
                    missing.add(PROJECT.relativize(page) + ": " + image.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theJobSummaryAndAnnotationPicturesAreShownAndAreScreenshots() throws IOException {
        String guide = Files.readString(PROJECT.resolve("docs/github-action.md"));
        for (String picture : List.of("summary-twin.png", "summary-reverse-twin.png", "annotations.png")) {
            assertTrue(guide.contains("](images/" + picture + ")"), "docs/github-action.md shows " + picture);
            assertTrue(Files.size(PROJECT.resolve("docs/images").resolve(picture)) > 10_000, picture + " is a real screenshot");
        }
        String readme = Files.readString(PROJECT.resolve("README.md"));
        assertTrue(readme.contains("](docs/images/twin-pipeline.svg)") && readme.contains("](docs/images/pull-request-flow.svg)"));
    }
}
