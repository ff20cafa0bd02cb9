package io.github.purenet.tensor;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/** Runs work in a fork-join pool of a given size, for the tests of thread-count independence of any package. */
public final class Threads {

    private Threads() {
    }

    /**
     * Runs work in a new pool: a parallel stream runs in the pool it is started from.
     *
     * @param threads the pool's parallelism
     * @param work the work
     * @param <T> its result's type
     * @return its result
     * @throws Exception what the work throws, wrapped as the pool wraps it
     */
    public static <T> T in(int threads, Callable<T> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } finally {
            pool.shutdown();
        }
    }
}
