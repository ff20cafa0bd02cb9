package io.github.purenet.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The documentation pages of the repository: README.md, CHANGELOG.md and every docs/*.md. */
final class Pages {

    private Pages() {
    }

    /**
     * The repository's root: two levels above the module, where the tests run.
     *
     * @return the root, absolute
     */
    static Path root() {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("README.md")) || !Files.isDirectory(root.resolve("docs"))) {
            throw new IllegalStateException("no README.md and docs/ in " + root
                    + ": the tests of examples/tutorials run in the module's directory");
        }
        return root;
    }

    /**
     * README.md, CHANGELOG.md and every docs/*.md, in order of their paths.
     *
     * @param root the repository's root
     * @return the pages
     */
    static List<Path> all(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            return Stream.concat(Stream.of(root.resolve("README.md"), root.resolve("CHANGELOG.md")),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
