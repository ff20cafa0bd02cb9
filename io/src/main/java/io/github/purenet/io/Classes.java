package io.github.purenet.io;

import io.vavr.collection.Vector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Turns the labels of a file into class numbers and class names.
 *
 * <ul>
 *   <li>Integer labels ({@code 0}, {@code 7}, {@code +2}): each is its class number; the classes are
 *       {@code 0} to the largest label, named {@code "0"}, {@code "1"}, ... A negative label, or one
 *       above {@link #MAX_CLASS}, is refused.</li>
 *   <li>Names ({@code setosa}): when some label is not a number, every distinct label is a class,
 *       numbered in the sorted order of the names ({@link String#compareTo}, by UTF-16 code units),
 *       so the numbering does not depend on the order of the rows.</li>
 *   <li>Numbers that are not all integers ({@code 2.5}, {@code 1.0}) are refused, naming the first
 *       that is not: a column of measurements is more likely a mistake than a thousand classes.</li>
 * </ul>
 */
final class Classes {

    /** The largest class number of integer labels: at most 65,536 classes. */
    static final int MAX_CLASS = 65_535;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Classes() {
    }

    /**
     * Class numbers and names.
     *
     * @param labels the class of each example
     * @param names the name of each class
     */
    record Result(Vector<Integer> labels, Vector<String> names) {
    }

    /**
     * The classes of integer labels.
     *
     * @param labels the labels, each in {@code [0, MAX_CLASS]}
     * @return the labels and the names {@code "0"} to the largest label
     */
    static Result ofNumbers(Vector<Integer> labels) {
        int largest = labels.max().get();
        if (largest > MAX_CLASS) { // and largest + 1, the number of classes, cannot overflow
            throw new IllegalArgumentException("labels: label " + largest + " implies " + implied(largest)
                    + ", and class numbers go up to " + MAX_CLASS);
        }
        return new Result(labels, Vector.range(0, largest + 1).map(String::valueOf));
    }

    /** The number of classes that a label implies, exactly: {@code 2,147,483,648 classes} for 2147483647. */
    private static String implied(long label) {
        return String.format(java.util.Locale.ROOT, "%,d classes", label + 1);
    }

    /**
     * The classes of labels as written in a file.
     *
     * @param texts the label of each example, trimmed
     * @param where the place of example {@code i} for messages, such as {@code "line 9, column 'species'"}
     * @param source the file, for messages
     * @return the class of each example and the names of the classes
     * @throws DataException naming the place and the label that is not allowed
     */
    static Result of(String[] texts, IntFunction<String> where, String source) {
        int notInteger = -1;
        int notNumber = -1;
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isEmpty()) {
                throw DataException.of(source, where.apply(i) + ": empty label");
            }
            if (notNumber < 0 && !INTEGER.matcher(texts[i]).matches()) {
                if (notInteger < 0) {
                    notInteger = i;
                }
                if (!isNumber(texts[i])) {
                    notNumber = i;
                }
            }
        }
        if (notInteger < 0) {
            return numbers(texts, where, source);
        }
        if (notNumber < 0) {
            throw DataException.of(source, where.apply(notInteger) + ": label '" + Echo.of(texts[notInteger])
                    + "' is not a class number (an integer >= 0)");
        }
        return names(texts);
    }

    private static Result numbers(String[] texts, IntFunction<String> where, String source) {
        Integer[] labels = new Integer[texts.length];
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            boolean negative = text.startsWith("-") && text.chars().skip(1).anyMatch(c -> c != '0');
            if (negative) {
                throw DataException.of(source, where.apply(i) + ": label " + Echo.of(text)
                        + " is out of range: class numbers are 0, 1, 2, ...");
            }
            long value = parseBounded(text);
            if (value > MAX_CLASS) {
                String digits = text.replaceFirst("^\\+?0*", "");
                throw DataException.of(source, where.apply(i) + ": label " + Echo.of(text) + " is out of range: it implies "
                        + (digits.length() <= 18 ? implied(Long.parseLong(digits))
                                : "more than 10^" + (digits.length() - 1) + " classes")
                        + ", and class numbers go up to " + MAX_CLASS + "; is the label column right?");
            }
            labels[i] = (int) value;
        }
        return ofNumbers(Vector.of(labels));
    }

    /** The value of an unsigned or signed run of digits, or {@code MAX_CLASS + 1} if it is larger. */
    private static long parseBounded(String text) {
        long value = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                value = Math.min(MAX_CLASS + 1L, value * 10 + (c - '0'));
            }
        }
        return value;
    }

    private static Result names(String[] texts) {
        String[] sorted = Arrays.stream(texts).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> number = new HashMap<>(); // local, read below
        for (int k = 0; k < sorted.length; k++) {
            number.put(sorted[k], k);
        }
        Integer[] labels = new Integer[texts.length];
        for (int i = 0; i < texts.length; i++) {
            labels[i] = number.get(texts[i]);
        }
        return new Result(Vector.of(labels), Vector.of(sorted));
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
