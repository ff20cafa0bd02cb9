package io.github.purenet.train;

import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
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
 * {@link #forEach}, {@link #dropWhile} then {@link #head}, {@link #observe}, {@link #epochEnds},
 * {@link EarlyStopping}). This is unlike a memoizing lazy list (vavr's {@code Stream}), which keeps
 * every state it has computed for as long as its head is referenced. Replaying is recomputing:
 * iterating a run twice gives equal states, and a run started from any of its states continues
 * exactly as the original did.
 *
 * <p>A run ends after {@link #take} steps, when {@link #takeWhile} fails, or at the first state
 * that {@link TrainState#diverged() diverged}: that state is the last one, so a run never goes on
 * with {@code NaN}.
 *
 * <p>To watch a run and keep its end, observe it and take its last state in one pass; asking for
 * a state again ({@code run.get(k)} after iterating) trains again from the first state:
 * <pre>{@code
 * Run<Count> run = Training.run(initial, transition);
 * TrainState<Count> last = run.take(5_001)                         // 5000 steps, computed once:
 *         .observe(500, s -> System.out.println(s.step() + " " + s.lossOrNaN()))  // 0, 500, ..., 5000
 *         .last();
 * TrainState<Count> s1000 = run.get(1000);                          // replay: recomputed, bit for bit
 * TrainState<Count> good = run.dropWhile(s -> s.loss().exists(l -> l > 0.01)).head();
 * EarlyStopped<Count> stopped = EarlyStopping.of(5, 100)            // validation at each epoch's end
 *         .apply(run, s -> Evaluation.of(s.network(), validation, loss).loss());
 * }</pre>
 *
 * <p><b>Observing.</b> {@link #observe} adds a side effect of the caller's to the run's
 * iteration, not to the run's states: an observed run calls its action as its states are
 * computed, every time it is iterated. Replaying an observed run, or iterating it twice, calls the
 * action again. Operations that skip states ({@link #drop}, {@link #dropWhile}, and so
 * {@link #get}) observe the states they skip, and the run they return is observed from its first
 * state on, so one pass through a run, in any number of pieces, observes each state once.
 *
 * @param <S> the type of the optimizer's state
 */
public final class Run<S> implements Iterable<TrainState<S>> {

    private final TrainState<S> first;
    private final Function<TrainState<S>, TrainState<S>> transition;
    private final long limit; // the number of states, at most
    private final Predicate<TrainState<S>> condition; // states that fail it end the run before them
    private final Vector<Observation<S>> observers; // called by the iteration, in the order added

    private Run(TrainState<S> first, Function<TrainState<S>, TrainState<S>> transition, long limit,
            Predicate<TrainState<S>> condition, Vector<Observation<S>> observers) {
        this.first = first;
        this.transition = transition;
        this.limit = limit;
        this.condition = condition;
        this.observers = observers;
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
        return new Run<>(initial, transition, Long.MAX_VALUE, s -> true, Vector.empty());
    }

    /**
     * The states, computed one at a time as the iterator advances; only the current one is kept.
     * Each call starts again from the first state. If the run is {@link #observe observed}, the
     * iterator calls the actions: with a state when it returns it, and with the last state when
     * {@code hasNext} first finds the end of the run.
     *
     * @return a fresh iterator over the states
     */
    @Override
    public Iterator<TrainState<S>> iterator() {
        Iterator<Cursor<S>> cursors = cursors();
        if (!observers.isEmpty()) {
            cursors = cursors.peek(c -> see(c.state(), c.end()));
        }
        return states(cursors);
    }

    /** The states without the observers' actions, for operations that observe what they skip themselves. */
    private Iterator<TrainState<S>> unobserved() {
        return states(cursors());
    }

    private static <S> Iterator<TrainState<S>> states(Iterator<Cursor<S>> cursors) {
        return cursors.filter(c -> !c.end()).map(Cursor::state);
    }

    /**
     * The cursors of the run: one per state, then one marked as the end that carries the last
     * state again, computed only when an iterator asks whether there is a state after the last.
     */
    private Iterator<Cursor<S>> cursors() {
        if (limit == 0 || !condition.test(first)) {
            return Iterator.empty();
        }
        return Iterator.iterate(new Cursor<>(1, first, false), this::advance).takeWhile(Objects::nonNull);
    }

    /**
     * A state and how many states have been produced up to it; only the latest is kept.
     *
     * @param end whether this marks the end of the run, after {@code state}, its last state
     */
    private record Cursor<S>(long produced, TrainState<S> state, boolean end) {
    }

    /**
     * The next cursor: the next state; the end, after the limit, a diverged state, or before a
     * state that fails the condition; or null after the end.
     */
    private Cursor<S> advance(Cursor<S> cursor) {
        if (cursor.end()) {
            return null;
        }
        if (cursor.produced() >= limit || cursor.state().diverged()) {
            return new Cursor<>(cursor.produced(), cursor.state(), true);
        }
        TrainState<S> next = transition.apply(cursor.state());
        return condition.test(next)
                ? new Cursor<>(cursor.produced() + 1, next, false)
                : new Cursor<>(cursor.produced(), cursor.state(), true);
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
     * observed if the run is, and none of them is kept.
     *
     * @param k how many states to skip, not negative
     * @return the rest of the run, observed as this run is
     * @throws NoSuchElementException if the run has fewer than {@code k + 1} states
     */
    public Run<S> drop(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("k: expected a number of states >= 0, got " + k);
        }
        Iterator<TrainState<S>> states = unobserved();
        TrainState<S> current = null;
        for (long i = 0; i <= k; i++) {
            if (!states.hasNext()) {
                throw new NoSuchElementException("the run has " + i + " states, so state " + k + " does not exist"
                        + (current != null && current.diverged() ? " (it diverged at step " + current.step() + ")" : ""));
            }
            current = states.next();
            if (i < k) {
                see(current, false);
            }
        }
        return new Run<>(current, transition, limit - k, condition, observers);
    }

    /**
     * The run from the first state that fails a predicate on. The states before are computed now,
     * observed if the run is, and none of them is kept.
     *
     * @param predicate the states to skip
     * @return the rest of the run, possibly empty, observed as this run is
     */
    public Run<S> dropWhile(Predicate<TrainState<S>> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        long skipped = 0;
        TrainState<S> previous = null;
        for (TrainState<S> state : (Iterable<TrainState<S>>) this::unobserved) {
            if (!predicate.test(state)) {
                return new Run<>(state, transition, limit - skipped, condition, observers);
            }
            see(state, false);
            previous = state;
            skipped++;
        }
        if (previous != null) {
            see(previous, true);
        }
        return new Run<>(first, transition, 0, condition, observers);
    }

    private void see(TrainState<S> state, boolean end) {
        observers.forEach(o -> o.see(state, end));
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
        return new Run<>(first, transition, Math.min(n, limit), condition, observers);
    }

    /**
     * The states up to, not including, the first that fails a predicate.
     *
     * @param predicate the states to keep
     * @return the shorter run
     */
    public Run<S> takeWhile(Predicate<TrainState<S>> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        return new Run<>(first, transition, limit, condition.and(predicate), observers);
    }

    /**
     * The same run, whose iteration also calls an action, as the states are computed, with every
     * state whose step is a multiple of {@code every} ({@code step % every == 0}, the first state
     * of a run from step 0 included), and with the last state of the run when the iteration finds
     * the end (after a {@link #take} limit, a failed {@link #takeWhile} or a diverged state), once
     * per state. So {@code run.take(2_001).observe(500, print).last()} trains 2000 steps once and
     * prints steps 0, 500, 1000, 1500 and 2000; with {@code observe(300, print)} it prints steps 0,
     * 300, ..., 1800 and 2000.
     *
     * <p>The observation is lazy: nothing is called until the run is iterated, and every iteration
     * calls the action again (see the class's docs). The action is the caller's side effect
     * (printing, logging, a progress bar); it must not change the states. Observing several times
     * adds actions, called in the order they were added.
     *
     * @param every the period in steps, at least 1
     * @param action called with the observed states
     * @return the observed run
     */
    public Run<S> observe(long every, Consumer<? super TrainState<S>> action) {
        if (every < 1) {
            throw new IllegalArgumentException("every: expected a number of steps >= 1, got " + every);
        }
        Objects.requireNonNull(action, "action is null");
        return new Run<>(first, transition, limit, condition, observers.append(new Observation<>(every, action)));
    }

    /**
     * The states at the end of an epoch, {@link TrainState#atEpochEnd()}: those just after an
     * epoch's last batch, where validation is usually done. The run's first state is one if it is
     * at the first batch of an epoch after step 0 (a run resumed from an epoch's end).
     *
     * <pre>{@code
     * Vector<Double> validation = run.take(steps + 1).epochEnds()
     *         .map(s -> Evaluation.of(s.network(), validationData, loss).loss())
     *         .toVector();
     * }</pre>
     *
     * @return a fresh iterator over the epochs' ends, which computes every state of the run in
     *     turn, observed if the run is, and keeps only the current one; each call starts again from
     *     the first state
     */
    public Iterator<TrainState<S>> epochEnds() {
        return iterator().filter(TrainState::atEpochEnd);
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
        return "Run[from step " + first.step() + (limit == Long.MAX_VALUE ? "" : ", at most " + limit + " states")
                + (observers.isEmpty() ? "" : ", observed " + observers.size() + (observers.size() == 1 ? " time" : " times"))
                + "]";
    }
}
