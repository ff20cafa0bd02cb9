package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of README.md, CHANGELOG.md and docs/*.md reaches a file, and an anchor a heading. */
class DocsLinksTest {

    @Test
    void everyRelativeLinkOfTheDocsReachesAFileOrHeading() {
        Path root = Pages.root();
        List<String> problems = Pages.all(root).stream().flatMap(page -> Links.problems(root, page).stream())
                .toList();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theReadmeStaysAFrontDoorUnder15000Bytes() throws IOException {
        long size = Files.size(Pages.root().resolve("README.md"));
        assertTrue(size < 15_000, "README.md has " + size + " bytes; move details to a page in docs/");
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("the-vector-kernels---add-modules-jdkincubatorvector",
                Links.slug("The vector kernels: `--add-modules jdk.incubator.vector`"));
        assertEquals("options-of-train", Links.slug("Options of `train`"));
        assertEquals("depend-on-it", Links.slug("Depend on it"));
        assertEquals("see-the-page", Links.slug("See [the page](other.md)"));
    }

    @Test
    void brokenFilesAndAnchorsAreFoundAndCodeIsSkipped(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.md"), """
                # A

                ## Part
                ## Part
                """);
        Files.writeString(root.resolve("README.md"), """
                # Title
                [a](docs/a.md), [part](docs/a.md#part), [again](docs/a.md#part-1), [self](#title),
                [web](https://example.com/x.md), `[code](nowhere.md)`
                [b](docs/b.md) and [bad](docs/a.md#parts) and [bad self](#titles), and [a link over
                two lines](docs/c.md), `a code span
                over two lines [c](nowhere.md)`

                ```md
                [in a block](nowhere.md)
                ```
                ![image](docs/a.png)
                """);
        assertEquals(Set.of("a", "part", "part-1"), Links.anchors(root.resolve("docs/a.md")));
        assertEquals(List.of("README.md:4: link to docs/b.md: no file docs/b.md",
                "README.md:4: link to docs/a.md#parts: no heading with anchor #parts in docs/a.md",
                "README.md:4: link to #titles: no heading with anchor #titles in README.md",
                "README.md:4: link to docs/c.md: no file docs/c.md",
                "README.md:11: link to docs/a.png: no file docs/a.png"),
                Links.problems(root, root.resolve("README.md")));
    }
}
