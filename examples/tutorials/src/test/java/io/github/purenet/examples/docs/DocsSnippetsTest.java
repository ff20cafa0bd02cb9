package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every java snippet of README.md and docs/*.md is a copy of regions of a compiled source, which
 * the build also runs (see {@link Snippets} for the markers); the checker's own cases follow.
 * {@code -Dpurenet.snippets.update=true} first rewrites the pages' marked blocks from their sources.
 */
class DocsSnippetsTest {

    @Test
    void everyJavaBlockOfTheDocsEqualsTheRegionsOfItsCompiledSource() {
        Path root = Pages.root();
        if (Boolean.getBoolean("purenet.snippets.update")) {
            Pages.all(root).forEach(page -> Snippets.update(root, page));
        }
        List<String> problems = Pages.all(root).stream().flatMap(page -> Snippets.problems(root, page).stream())
                .toList();
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    @Test
    void theReadmeHasSnippetsToCheck() throws IOException {
        Path root = Pages.root();
        long marked = Files.readAllLines(root.resolve("README.md")).stream()
                .filter(l -> l.startsWith("<!-- snippet: ")).count();
        assertTrue(marked >= 2, "README.md has " + marked + " snippet markers");
    }

    private static final String SOURCE = """
            package p;

            // snippet:imports
            import java.util.List;
            // end:imports

            class S {
                void f() {
                    // snippet:body
                    List<Integer> xs = List.of(1, 2);
                    if (xs.isEmpty()) {
                        return;
                    }
                    // end:body
                }
            }
            """;

    private static List<String> check(Path root, String page) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("S.java"), SOURCE);
        Files.writeString(root.resolve("docs/page.md"), page);
        return Snippets.problems(root, root.resolve("docs/page.md"));
    }

    @Test
    void aBlockEqualToItsRegionsWithoutTheirIndentationPasses(@TempDir Path root) throws IOException {
        assertEquals(List.of(), check(root, """
                Text.

                <!-- snippet: S.java#imports,body -->
                ```java
                import java.util.List;

                List<Integer> xs = List.of(1, 2);
                if (xs.isEmpty()) {
                    return;
                }
                ```

                ```sh
                echo other blocks are not checked
                ```
                """));
    }

    @Test
    void aChangedLineFailsWithThePageLineAndBothTexts(@TempDir Path root) throws IOException {
        List<String> problems = check(root, """
                <!-- snippet: S.java#body -->
                ```java
                List<Integer> xs = List.of(1, 3);
                if (xs.isEmpty()) {
                    return;
                }
                ```
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("docs/page.md:3: snippet differs from S.java#body at its line 1\n"
                + "  - page:   List<Integer> xs = List.of(1, 3);\n"
                + "  + source: List<Integer> xs = List.of(1, 2);"), problems.get(0));
    }

    @Test
    void aMissingOrExtraLineFails(@TempDir Path root) throws IOException {
        List<String> shorter = check(root, """
                <!-- snippet: S.java#body -->
                ```java
                List<Integer> xs = List.of(1, 2);
                ```
                """);
        assertTrue(shorter.get(0).contains("- page:   (end of block)"), shorter.toString());
        List<String> longer = check(root, """
                <!-- snippet: S.java#imports -->
                ```java
                import java.util.List;
                import java.util.Map;
                ```
                """);
        assertTrue(longer.get(0).contains("+ source: (end of region)"), longer.toString());
    }

    @Test
    void aJavaBlockWithoutAMarkerFails(@TempDir Path root) throws IOException {
        List<String> problems = check(root, """
                Text.

                ```java
                int x = 1;
                ```
                """);
        assertEquals(List.of("docs/page.md:3: java block without a snippet marker; every java snippet is copied "
                + "from a compiled source (<!-- snippet: PATH#REGION -->)"), problems);
    }

    @Test
    void aMarkerNamingAMissingFileOrRegionFails(@TempDir Path root) throws IOException {
        List<String> file = check(root, """
                <!-- snippet: T.java#body -->
                ```java
                ```
                """);
        assertEquals(List.of("docs/page.md:1: snippet source T.java does not exist"), file);
        List<String> region = check(root, """
                <!-- snippet: S.java#imports,bdy -->
                ```java
                ```
                """);
        assertEquals(List.of("docs/page.md:1: S.java has no region 'bdy' (regions: [imports, body])"), region);
    }

    @Test
    void aMarkerWithoutAJavaBlockFails(@TempDir Path root) throws IOException {
        List<String> problems = check(root, """
                <!-- snippet: S.java#body -->
                Some text.

                <!-- snippet: S.java#body -->
                ```sh
                ```
                <!-- snippet: S.java#body -->
                """);
        assertEquals(List.of("docs/page.md:1: snippet marker not followed by a ```java block",
                "docs/page.md:4: snippet marker not followed by a ```java block",
                "docs/page.md:7: snippet marker not followed by a ```java block"), problems);
    }

    @Test
    void updateRewritesMarkedBlocksFromTheirSourcesAndLeavesTheRest(@TempDir Path root) throws IOException {
        String page = """
                <!-- snippet: S.java#imports -->
                ```java
                import java.util.Map;
                import java.util.Set;
                ```
                <!-- snippet: S.java#body -->

                ```java
                ```

                ```sh
                echo unchanged
                ```
                """;
        check(root, page);
        Snippets.update(root, root.resolve("docs/page.md"));
        assertEquals("""
                <!-- snippet: S.java#imports -->
                ```java
                import java.util.List;
                ```
                <!-- snippet: S.java#body -->

                ```java
                List<Integer> xs = List.of(1, 2);
                if (xs.isEmpty()) {
                    return;
                }
                ```

                ```sh
                echo unchanged
                ```
                """, Files.readString(root.resolve("docs/page.md")));
        assertEquals(List.of(), Snippets.problems(root, root.resolve("docs/page.md")));
    }

    @Test
    void regionsNestAndTheirMarkersBelongToNone() {
        var regions = Snippets.regions(List.of("// snippet:a", "x", "  // snippet:b", "y", "// end:a", "z",
                "// end:b"));
        assertEquals(List.of("x", "y"), regions.get("a"));
        assertEquals(List.of("y", "z"), regions.get("b"));
    }

    @Test
    void badRegionsAreRefused(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("U.java"), "// snippet:a\n// snippet:a\n// end:a\n");
        Files.writeString(root.resolve("docs/page.md"), "<!-- snippet: U.java#a -->\n```java\n```\n");
        assertEquals(List.of("docs/page.md:1: U.java: line 2: region 'a' opened twice"),
                Snippets.problems(root, root.resolve("docs/page.md")));
        Files.writeString(root.resolve("U.java"), "// snippet:a\n");
        assertEquals(List.of("docs/page.md:1: U.java: regions never closed: [a]"),
                Snippets.problems(root, root.resolve("docs/page.md")));
        Files.writeString(root.resolve("U.java"), "// end:a\n");
        assertEquals(List.of("docs/page.md:1: U.java: line 1: end of region 'a', which is not open"),
                Snippets.problems(root, root.resolve("docs/page.md")));
    }

    @Test
    void dedentRemovesTheCommonIndentationOfNonBlankLines() {
        assertEquals(List.of("a", "", "  b"), Snippets.dedent(List.of("    a", "  ", "      b")));
    }
}
