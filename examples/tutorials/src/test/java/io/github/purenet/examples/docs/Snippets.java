package io.github.purenet.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiled snippets: every fenced {@code java} block of a documentation page is a copy of regions
 * of a compiled, tested source file, and this class finds the blocks that are not.
 *
 * <p>In the page, the block is preceded by a marker that names the source, from the repository's
 * root, and one or more regions:
 * <pre>
 * &lt;!-- snippet: examples/tutorials/src/test/java/.../QuickstartTest.java#imports,forward --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 * In the source, a region is the lines between {@code // snippet:NAME} and {@code // end:NAME}
 * (each alone on its line). Regions may nest or overlap; marker lines belong to none. The block
 * must equal its regions in order, each without its common indentation, joined by one empty line.
 */
final class Snippets {

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*snippet:\\s*(\\S+?)#(\\S+)\\s*-->\\s*$");
    private static final Pattern BEGIN = Pattern.compile("^\\s*//\\s*snippet:(\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*end:(\\S+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*(\\S*).*$");

    private Snippets() {
    }

    /**
     * The problems of one page: java blocks without a marker, markers without a block, markers
     * that name a missing file or region, and blocks that differ from their regions.
     *
     * @param root the repository's root, against which markers' paths are resolved
     * @param page the markdown page
     * @return one message per problem, each starting with the page's path and line; empty if none
     */
    static List<String> problems(Path root, Path page) {
        return scan(root, page, null);
    }

    /**
     * Rewrites each marked block of a page with its regions, as they are now in their sources (the
     * blocks whose marker names a missing file or region stay as they are).
     *
     * @param root the repository's root
     * @param page the markdown page, rewritten in place when a block changes
     */
    static void update(Path root, Path page) {
        List<String> lines = new ArrayList<>(read(page));
        scan(root, page, lines);
        try {
            Files.writeString(page, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a page; with {@code rewritten}, a copy of its lines, also replaces its blocks there. */
    private static List<String> scan(Path root, Path page, List<String> rewritten) {
        List<String> lines = read(page);
        String where = root.relativize(page.toAbsolutePath().normalize()).toString();
        List<String> problems = new ArrayList<>();
        Matcher pending = null;
        int markerLine = 0;
        int shift = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            Matcher fence = FENCE.matcher(line);
            boolean fenced = fence.matches();
            boolean java = fenced && fence.group(2).equals("java");
            if (pending != null && line.isBlank()) {
                continue;
            }
            if (pending != null && !java) {
                problems.add(where + ":" + markerLine + ": snippet marker not followed by a ```java block");
                pending = null;
            }
            if (marker.matches()) {
                pending = marker;
                markerLine = i + 1;
            } else if (fenced) {
                int close = closingFence(lines, i, fence.group(1));
                if (java && pending == null) {
                    problems.add(where + ":" + (i + 1) + ": java block without a snippet marker; every java "
                            + "snippet is copied from a compiled source (<!-- snippet: PATH#REGION -->)");
                } else if (java) {
                    List<String> block = lines.subList(i + 1, close);
                    List<String> expected = block;
                    try {
                        expected = expected(root, pending.group(1), pending.group(2));
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ":" + markerLine + ": " + e.getMessage());
                    }
                    difference(where, i + 2, pending.group(1) + "#" + pending.group(2), block, expected)
                            .ifPresent(problems::add);
                    if (rewritten != null) {
                        rewritten.subList(i + 1 + shift, close + shift).clear();
                        rewritten.addAll(i + 1 + shift, expected);
                        shift += expected.size() - block.size();
                    }
                    pending = null;
                }
                i = close;
            }
        }
        if (pending != null) {
            problems.add(where + ":" + markerLine + ": snippet marker not followed by a ```java block");
        }
        return problems;
    }

    /** A snippet's text: its regions, each without its common indentation, joined by an empty line. */
    private static List<String> expected(Path root, String source, String regionList) {
        Path file = root.resolve(source).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("snippet source " + source + " does not exist");
        }
        Map<String, List<String>> regions;
        try {
            regions = regions(read(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        List<String> expected = new ArrayList<>();
        for (String name : regionList.split(",")) {
            List<String> region = regions.get(name);
            if (region == null) {
                throw new IllegalArgumentException(source + " has no region '" + name + "' (regions: "
                        + regions.keySet() + ")");
            }
            if (!expected.isEmpty()) {
                expected.add("");
            }
            expected.addAll(dedent(region));
        }
        return expected;
    }

    /**
     * The named regions of a source, in order of their start, without their marker lines.
     *
     * @param source the source's lines
     * @return each region's lines, by name
     * @throws IllegalArgumentException for a region opened twice, closed before it opens, or never closed
     */
    static Map<String, List<String>> regions(List<String> source) {
        Map<String, List<String>> closed = new LinkedHashMap<>();
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            if (begin.matches()) {
                String name = begin.group(1);
                if (open.containsKey(name) || closed.containsKey(name)) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": region '" + name + "' opened twice");
                }
                open.put(name, new ArrayList<>());
            } else if (end.matches()) {
                List<String> region = open.remove(end.group(1));
                if (region == null) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": end of region '" + end.group(1)
                            + "', which is not open");
                }
                closed.put(end.group(1), region);
            } else {
                open.values().forEach(region -> region.add(line));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("regions never closed: " + open.keySet());
        }
        return closed;
    }

    /**
     * Lines without their common indentation (blank lines do not count and become empty).
     *
     * @param lines the lines
     * @return the lines, each shorter by the smallest indentation of a non-blank line
     */
    static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static Optional<String> difference(String where, int firstLine, String source, List<String> actual,
            List<String> expected) {
        int n = Math.max(actual.size(), expected.size());
        for (int k = 0; k < n; k++) {
            String a = k < actual.size() ? actual.get(k) : null;
            String e = k < expected.size() ? expected.get(k) : null;
            if (a == null || !a.equals(e)) {
                return Optional.of(where + ":" + (firstLine + k) + ": snippet differs from " + source + " at its line "
                        + (k + 1)
                        + "\n  - page:   " + (a == null ? "(end of block)" : a)
                        + "\n  + source: " + (e == null ? "(end of region)" : e)
                        + "\n  the block should read (or run the test with -Dpurenet.snippets.update=true):\n"
                        + String.join("\n", expected));
            }
        }
        return Optional.empty();
    }

    private static int closingFence(List<String> lines, int open, String fence) {
        for (int j = open + 1; j < lines.size(); j++) {
            String line = lines.get(j).strip();
            if (line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0))) {
                return j;
            }
        }
        return lines.size();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
