package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the program says about a command line it cannot parse: picocli's message, or for an
 * unknown option or command, its name and the nearest known one.
 *
 * <pre>
 * Unknown option: '--lerning-rate'; did you mean --lr?
 * Unknown options: '--epoch', '--batch-size'; did you mean --epochs?
 * Unknown command: 'trian'; did you mean train?
 * </pre>
 *
 * <p>The nearest name is, in this order: one whose letters are the initials of the typed words
 * ({@code --learning-rate} and {@code --lr}); one that the typed name starts with, or that starts
 * with it ({@code --batch-size} and {@code --batch}); one within a small edit distance
 * ({@code --epoch} and {@code --epochs}). The values after an unknown option ({@code 0.1} in
 * {@code --lerning-rate 0.1}) are not named: they are arguments of the option, not mistakes.
 */
final class Suggestions {

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']{"
            + (Echo.LENGTH + 1) + ",})'");

    private Suggestions() {
    }

    /**
     * @param e picocli's refusal of a command line
     * @return one line that says what is wrong, without the pointer to the help
     */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException u = (UnmatchedArgumentException) e;
            CommandSpec spec = e.getCommandLine().getCommandSpec();
            Vector<String> unmatched = Vector.ofAll(u.getUnmatched());
            if (!unmatched.isEmpty() && !unmatched.head().startsWith("-") && !spec.subcommands().isEmpty()) {
                Vector<String> commands = Vector.ofAll(spec.subcommands().keySet());
                String first = unmatched.head();
                return "Unknown command: '" + Echo.of(first) + "'" + nearest(first, commands).map(s -> "; did you mean " + s + "?")
                        .getOrElse("; expected " + commands.mkString(", "));
            }
            Vector<String> options = unmatched.filter(a -> a.matches("--?[A-Za-z].*")).map(a -> a.replaceAll("=.*", ""));
            if (!options.isEmpty()) {
                Vector<String> known = Vector.ofAll(spec.options()).flatMap(o -> Vector.of(o.names())
                        .flatMap(name -> o.negatable() ? Vector.of(name, "--no-" + bare(name)) : Vector.of(name)))
                        .filter(name -> name.startsWith("--"));
                return "Unknown option" + (options.size() > 1 ? "s" : "") + ": " + quoted(options)
                        + options.toStream().flatMap(o -> nearest(o, known)).headOption().map(s -> "; did you mean " + s
                                + "?").getOrElse("");
            }
        }
        return cutQuoted(String.valueOf(e.getMessage()));
    }

    /**
     * A message of picocli's with each quoted value cut as {@link Echo#of} cuts it: picocli
     * quotes the value it refuses, as in {@code Invalid value for option '--lr': 'abc' is not a
     * double number}.
     *
     * @param message the message
     * @return the message, each {@code 'value'} of more than {@value Echo#LENGTH} characters cut
     */
    static String cutQuoted(String message) {
        return QUOTED.matcher(message).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                "'" + Echo.of(m.group(1)) + "'"));
    }

    /**
     * The known name nearest to a typed one, if one is near enough.
     *
     * @param typed the name as typed, such as {@code --lerning-rate}
     * @param known the names it may have meant, such as {@code --lr}
     * @return the nearest, or none
     */
    static Option<String> nearest(String typed, Vector<String> known) {
        Objects.requireNonNull(typed, "typed is null");
        String word = bare(typed);
        Option<String> byInitials = known.find(k -> bare(k).length() > 1 && bare(k).equals(initials(word)));
        if (byInitials.isDefined()) {
            return byInitials;
        }
        Option<String> byPrefix = known.find(k -> bare(k).length() > 1
                && (word.startsWith(bare(k) + "-") || bare(k).startsWith(word + "-")));
        if (byPrefix.isDefined()) {
            return byPrefix;
        }
        // the distance is at least the difference of the lengths: names that differ more are not
        // compared, so a 10 MB argument costs no 10 MB table
        return known.filter(k -> {
            int near = Math.max(1, Math.min(word.length(), bare(k).length()) / 3);
            return Math.abs(word.length() - bare(k).length()) <= near && distance(word, bare(k)) <= near;
        }).minBy(k -> distance(word, bare(k)));
    }

    private static String bare(String name) {
        return name.replaceFirst("^-+", "").replaceFirst("^\\[no-\\]", "");
    }

    private static String initials(String word) {
        return Vector.of(word.split("-")).filter(w -> !w.isEmpty()).map(w -> w.substring(0, 1)).mkString();
    }

    /**
     * The optimal string alignment distance: the fewest insertions, deletions, substitutions and
     * swaps of two neighbours from a to b ({@code trian} is 1 from {@code train}).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1]; // local table
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String quoted(Vector<String> names) {
        return Echo.list(names.map(n -> "'" + Echo.of(n) + "'"));
    }
}
