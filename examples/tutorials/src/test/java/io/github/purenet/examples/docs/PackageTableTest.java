package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's package table and the root package's javadoc name every package of core, once each. */
class PackageTableTest {

    private static List<String> packagesOfCore(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("core/src/main/java/io/github/purenet"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyPackageOfCoreHasARowInReadmesTable() throws IOException {
        Path root = Pages.root();
        String readme = Files.readString(root.resolve("README.md"));
        List<String> packages = packagesOfCore(root);
        assertTrue(packages.size() >= 10, packages.toString());
        for (String name : packages) {
            assertEquals(1, readme.split("\n\\| `" + name + "` \\|", -1).length - 1,
                    "README.md's package table should have one row for " + name);
        }
    }

    @Test
    void everyPackageOfCoreHasALineInTheRootPackagesJavadoc() throws IOException {
        Path root = Pages.root();
        String javadoc = Files.readString(root.resolve("core/src/main/java/io/github/purenet/package-info.java"));
        for (String name : packagesOfCore(root)) {
            assertEquals(1, javadoc.split("<li>\\{@link io\\.github\\.purenet\\." + name + "}", -1).length - 1,
                    "core/src/main/java/io/github/purenet/package-info.java should list " + name + " once");
        }
    }
}
