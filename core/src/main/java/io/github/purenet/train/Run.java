package io.github.purenet.train;

import io.vavr.collection.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A training run as a lazy sequence of states: {@code s_0 = initial}, {@code s_(k+1) = transition(s_k)}.
 *
 * <p>A run is a value: it holds its first state and its transition, never the states it computes.
 * Each operation recomputes what it needs from the first state, keeping only the current state
 * alive, so a million-step run over any network needs the memory of about two states, whatever
 * the operation ({@link #get}, {@link #drop} then {@link #head}, {@link #take} then {@link #last},
 * {@link #forEach}, {@link #dropWhile} then {@link #head}). This is unlike a memoizing lazy list
 * (vavr's {@code Stream}), which keeps every state it has computed for as long as its head is
 * referenced. Replaying is recomputing: iterating a run twice gives equal states, and a run started
 * from any of its states continues exactly as the original did.
 *
 * <p>A run ends after {@link #take} steps, when {@link #takeWhile} fails, or at the first state
 * that {@link TrainState#diverged() diverged}: that state is the last one, so a run never goes on
 * with {@code NaN}.
 *
 * <pre>{@code
 * Run<Count> run = Training.run(initial, transition);
 * TrainState<Count> s1000 = run.get(1000);                       // the state after 1000 steps
 * run.take(5000).iterator().filter(s -> s.step() % 500 == 0)         // observe every 500th state
 *    .forEach(s -> System.out.println(s.step() + " " + s.loss()));
 * TrainState<Count> good = run.dropWhile(s -> s.loss().exists(l -> l > 0.01)).head();
 * }</pre>
 *
 * @param <S> the type of the optimizer's state
 */
public final class Run<S> implements Iterable<TrainState<S>> {

    private final TrainState<S> first;
    private final Function<TrainState<S>, TrainState<S>> transition;
    private final long limit; // the number of states, at most
    private final Predicate<TrainState<S>> condition; // states that fail it end the run before them

    private Run(TrainState<S> first, Function<TrainState<S>, TrainState<S>> transition, long limit,
            Predicate<TrainState<S>> condition) {
        this.first = first;
        this.transition = transition;
        this.limit = limit;
        this.condition = condition;
    }

    /**
     * The run that starts at a state and goes on by a transition.
     *
     * @param <S> the type of the optimizer's state
     * @param initial the first state
     * @param transition the pure function from one state to the next
     * @return the run, unbounded unless a state diverges
     */
    public static <S> Run<S> of(TrainState<S> initial, Function<TrainState<S>, TrainState<S>> transition) {
        Objects.requireNonNull(initial, "initial is null");
        Objects.requireNonNull(transition, "transition is null");
        return new Run<>(initial, transition, Long.MAX_VALUE, s -> true);
    }

    /**
     * The states, computed one at a time as the iterator advances; only the current one is kept.
     * Each call starts again from the first state.
     *
     * @return a fresh iterator over the states
     */
    @Override
    public Iterator<TrainState<S>> iterator() {
        if (limit == 0) {
            return Iterator.empty();
        }
        return Iterator.iterate(new Cursor<>(1, first), this::advance)
                .takeWhile(Objects::nonNull)
                .map(Cursor::state)
                .takeWhile(condition);
    }

    /** A state and how many states have been produced up to it; only the latest is kept. */
    private record Cursor<S>(long produced, TrainState<S> state) {
    }

    /** The next cursor, or null where the run ends: at its limit or after a diverged state. */
    private Cursor<S> advance(Cursor<S> cursor) {
        if (cursor.produced() >= limit || cursor.state().diverged()) {
            return null;
        }
        return new Cursor<>(cursor.produced() + 1, transition.apply(cursor.state()));
    }

    /** @return the states as a sequential {@link Stream}, computed lazily and not retained */
    public Stream<TrainState<S>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * @return the first state
     * @throws NoSuchElementException if the run is empty
     */
    public TrainState<S> head() {
        return iterator().next();
    }

    /**
     * The state after {@code k} steps, computed from the first state.
     *
     * @param k the index, from 0 (the first state)
     * @return the state
     * @throws NoSuchElementException if the run ends before, naming where and why
     */
    public TrainState<S> get(long k) {
        return drop(k).head();
    }

    /**
     * The run from its {@code k}-th state on. The states before are computed now, one at a time,
     * and none of them is kept.
     *
     * @param k how many states to skip, not negative
     * @return the rest of the run
     * @throws NoSuchElementException if the run has fewer than {@code k + 1} states
     */
    public Run<S> drop(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("k: expected a number of states >= 0, got " + k);
        }
        Iterator<TrainState<S>> states = iterator();
        TrainState<S> current = null;
        for (long i = 0; i <= k; i++) {
            if (!states.hasNext()) {
                throw new NoSuchElementException("the run has " + i + " states, so state " + k + " does not exist"
                        + (current != null && current.diverged() ? " (it diverged at step " + current.step() + ")" : ""));
            }
            current = states.next();
        }
        return new Run<>(current, transition, limit - k, condition);
    }

    /**
     * The run from the first state that fails a predicate on.
     *
     * @param predicate the states to skip
     * @return the rest of the run, possibly empty
     */
    public Run<S> dropWhile(Predicate<TrainState<S>> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        long skipped = 0;
        for (TrainState<S> state : this) {
            if (!predicate.test(state)) {
                return new Run<>(state, transition, limit - skipped, condition);
            }
            skipped++;
        }
        return new Run<>(first, transition, 0, condition);
    }

    /**
     * The first {@code n} states of the run.
     *
     * @param n how many states, not negative
     * @return the shorter run
     */
    public Run<S> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: expected a number of states >= 0, got " + n);
        }
        return new Run<>(first, transition, Math.min(n, limit), condition);
    }

    /**
     * The states up to, not including, the first that fails a predicate.
     *
     * @param predicate the states to keep
     * @return the shorter run
     */
    public Run<S> takeWhile(Predicate<TrainState<S>> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        return new Run<>(first, transition, limit, condition.and(predicate));
    }

    /**
     * The last state of a run that ends.
     *
     * @return the last state
     * @throws NoSuchElementException if the run is empty
     */
    public TrainState<S> last() {
        Iterator<TrainState<S>> states = iterator();
        if (!states.hasNext()) {
            throw new NoSuchElementException("last: the run is empty");
        }
        TrainState<S> current = states.next();
        while (states.hasNext()) {
            current = states.next();
        }
        return current;
    }

    @Override
    public String toString() {
        return "Run[from step " + first.step() + (limit == Long.MAX_VALUE ? "" : ", at most " + limit + " states") + "]";
    }
}
