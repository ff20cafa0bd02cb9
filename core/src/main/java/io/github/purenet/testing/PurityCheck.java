package io.github.purenet.testing;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks that a function is pure on an argument: called twice on it, and once on an equal copy, it
 * gives equal results, and it leaves its argument equal to a fresh copy. A function with hidden
 * state (a counter, a cache that leaks, a random generator) or one that changes its argument
 * fails it.
 *
 * <pre>{@code
 * PurityCheck.verify(myStage, () -> aStep);   // the supplier makes equal arguments, as often as asked
 * }</pre>
 */
public final class PurityCheck {

    private PurityCheck() {
    }

    /**
     * Checks a function on an argument.
     *
     * @param <A> the argument's type, with value equality
     * @param <B> the result's type, with value equality
     * @param f the function under test
     * @param argument makes a new argument each time, all equal to each other
     * @return a description of the first impurity found, or none
     */
    public static <A, B> Option<String> check(Function<? super A, ? extends B> f, Supplier<? extends A> argument) {
        Objects.requireNonNull(f, "f is null");
        Objects.requireNonNull(argument, "argument is null");
        A a = argument.get();
        A copy = argument.get();
        if (!Objects.equals(a, copy)) {
            throw new IllegalArgumentException("argument: the supplier must give equal arguments, gave " + a
                    + " and " + copy);
        }
        B first = f.apply(a);
        if (!Objects.equals(a, argument.get())) {
            return Option.some("the function changed its argument: it is " + a + " after the call, " + argument.get()
                    + " before");
        }
        B second = f.apply(a);
        if (!Objects.equals(first, second)) {
            return Option.some("two calls with the same argument gave different results: " + first + " then " + second);
        }
        B third = f.apply(copy);
        if (!Objects.equals(first, third)) {
            return Option.some("calls with equal arguments gave different results: " + first + " then " + third);
        }
        return Option.none();
    }

    /**
     * As {@link #check}, failing when the function is not pure.
     *
     * @param <A> the argument's type
     * @param <B> the result's type
     * @param f the function under test
     * @param argument makes a new argument each time, all equal to each other
     * @throws AssertionError describing the impurity
     */
    public static <A, B> void verify(Function<? super A, ? extends B> f, Supplier<? extends A> argument) {
        for (String impurity : check(f, argument)) {
            throw new AssertionError("not pure: " + impurity);
        }
    }
}
