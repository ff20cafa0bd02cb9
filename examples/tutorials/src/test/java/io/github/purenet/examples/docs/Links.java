package io.github.purenet.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative links of markdown pages: each must name an existing file, and an anchor ({@code #...})
 * must name a heading of its page, with GitHub's rule for anchors (lower case; letters, digits,
 * spaces, hyphens and underscores kept; spaces become hyphens; a repeated anchor gets {@code -1},
 * {@code -2}, ...). Links to other sites are not followed. Fenced blocks and code spans are skipped.
 */
final class Links {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]+`");

    private Links() {
    }

    /**
     * The broken relative links of one page.
     *
     * @param root the repository's root
     * @param page the page
     * @return one message per broken link, with the page's path and line; empty if none
     */
    static List<String> problems(Path root, Path page) {
        List<String> problems = new ArrayList<>();
        String where = root.relativize(page.toAbsolutePath().normalize()).toString();
        String text = String.join("\n", prose(page));
        Matcher code = CODE_SPAN.matcher(text);
        StringBuilder withoutCode = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(withoutCode, Matcher.quoteReplacement(code.group().replaceAll("[^\n]", " ")));
        }
        code.appendTail(withoutCode);
        Matcher link = LINK.matcher(withoutCode);
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                continue;
            }
            int line = 1 + (int) text.substring(0, link.start()).chars().filter(c -> c == '\n').count();
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
            if (!Files.exists(file)) {
                problems.add(where + ":" + line + ": link to " + target + ": no file " + root.relativize(file));
            } else if (hash >= 0 && !(file.toString().endsWith(".md") && anchors(file).contains(target.substring(hash + 1)))) {
                problems.add(where + ":" + line + ": link to " + target + ": no heading with anchor #"
                        + target.substring(hash + 1) + " in " + root.relativize(file));
            }
        }
        return problems;
    }

    /**
     * The anchors of a page's headings, as GitHub makes them.
     *
     * @param page a markdown page
     * @return its anchors
     */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor of a heading's text.
     *
     * @param heading the heading, without its {@code #}s
     * @return the anchor
     */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The page's lines, with the lines of fenced blocks blanked, so that line numbers stay. */
    private static List<String> prose(Path page) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (fence == null && (line.startsWith("```") || line.startsWith("~~~"))) {
                fence = line.substring(0, 3);
                lines.set(i, "");
            } else if (fence != null) {
                if (line.startsWith(fence)) {
                    fence = null;
                }
                lines.set(i, "");
            }
        }
        return lines;
    }
}
