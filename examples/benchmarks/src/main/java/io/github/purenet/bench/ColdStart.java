package io.github.purenet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Cold start: the speed of the first seconds of training in a fresh JVM, which JMH's steady
 * figures leave out (its warm-up iterations absorb the JIT's compilations). Each measurement
 * starts a new JVM with {@code --add-modules jdk.incubator.vector}, as {@link PurenetBench}'s forks,
 * builds {@link PurenetBench.Big} or {@link PurenetBench.Small} exactly as that benchmark does, and
 * trains it through the fold ({@code Training.transition} over one batch, SGD) for a fixed wall
 * time, 10 s unless told; it prints the samples per second of each second (so that the warm-up
 * shows) and their mean over the whole time, the figure to hold against JMH's steady one of the
 * same jar.
 *
 * <pre>
 * java -cp examples/target/benchmarks.jar io.github.purenet.bench.ColdStart [--runs N] [--seconds S] [-JOPTION]... [big] [small]
 * </pre>
 *
 * <p>Without workloads it measures {@code big}, then {@code small}, {@code --runs} times each (3 by
 * default), each in its own JVM, and ends with one line per workload listing the runs' means.
 * {@code -JOPTION} passes {@code OPTION} to the measured JVMs, after the vector module, as in
 * {@code -J-Xlog:gc} or {@code -J-XX:+PrintCompilation}; their output is shown as it comes. A
 * second's figure counts each step's samples spread evenly over the step's wall time
 * ({@link #perSecond}), so that a step that spans the end of a second counts in both. Other
 * processes on the machine slow the first seconds more than the steady state (they compete with
 * the JIT's compiler threads); measure on an idle machine (each JVM prints the system's load
 * average, which includes its own threads, at the start and end of its measurement).
 */
public final class ColdStart {

    /** The option of a measured JVM that makes it measure one workload in itself. */
    private static final String MEASURE = "--measure";

    private ColdStart() {
    }

    /** A workload: the benchmark's state, built as the benchmark builds it, and its samples per step. */
    private record Workload(String name, int samplesPerStep, Supplier<PurenetBench.Fold> build) {
    }

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("big", 256, () -> {
                PurenetBench.Big big = new PurenetBench.Big();
                big.setUp();
                return big;
            }),
            new Workload("small", 64, () -> {
                PurenetBench.Small small = new PurenetBench.Small();
                small.setUp();
                return small;
            }));

    /**
     * Measures the workloads, each in fresh JVMs.
     *
     * @param args {@code [--runs N] [--seconds S] [-JOPTION]... [big] [small]}
     * @throws IOException if a JVM cannot be started or read
     * @throws InterruptedException if interrupted while waiting for a JVM
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 3;
        int seconds = 10;
        List<String> jvm = new ArrayList<>();
        List<Workload> chosen = new ArrayList<>();
        boolean here = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (a.equals("--seconds") && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            } else if (a.equals(MEASURE)) {
                here = true;
            } else if (a.startsWith("-J") && a.length() > 2) {
                jvm.add(a.substring(2));
            } else {
                chosen.add(WORKLOADS.stream().filter(w -> w.name().equals(a)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("args: unknown workload or option '" + a + "'; expected "
                                + "[--runs N] [--seconds S] [-JOPTION]... [big] [small]")));
            }
        }
        if (runs < 1 || seconds < 1) {
            throw new IllegalArgumentException("args: --runs and --seconds need at least 1, got "
                    + runs + " and " + seconds);
        }
        if (chosen.isEmpty()) {
            chosen.addAll(WORKLOADS);
        }
        if (here) {
            for (Workload w : chosen) {
                measure(w, seconds);
            }
            return;
        }
        for (Workload w : chosen) {
            double[] means = new double[runs];
            for (int r = 0; r < runs; r++) {
                means[r] = fork(w, seconds, jvm);
            }
            System.out.printf(Locale.ROOT, "%-6s mean of the first %d s over %d fresh JVMs: %s samples/s (runs: %s)%n",
                    w.name(), seconds, runs, format(Arrays.stream(means).average().orElse(0)),
                    String.join(", ", Arrays.stream(means).mapToObj(ColdStart::format).toList()));
        }
    }

    /** Measures a workload in a new JVM, echoing its output; returns its mean samples per second. */
    private static double fork(Workload w, int seconds, List<String> jvm) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector"));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), MEASURE,
                "--seconds", Integer.toString(seconds), w.name()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double mean = Double.NaN;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(line);
                int at = line.indexOf(MEAN);
                if (at >= 0) {
                    mean = Double.parseDouble(line.substring(at + MEAN.length()).split(" ")[0].replace(",", ""));
                }
            }
        }
        if (p.waitFor() != 0 || Double.isNaN(mean)) {
            throw new IllegalStateException(w.name() + ": the measuring JVM failed (exit code " + p.exitValue() + ")");
        }
        return mean;
    }

    private static final String MEAN = "mean: ";

    /** Builds a workload and trains it for the given wall time in this JVM, printing the figures. */
    private static void measure(Workload w, int seconds) {
        long built = System.nanoTime();
        PurenetBench.Fold fold = w.build().get();
        long start = System.nanoTime();
        double upAtStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long end = start + seconds * SECOND;
        long[] ends = new long[1024];
        int steps = 0;
        double sink = 0; // the losses, so that no step is skipped
        long now = start;
        while (now < end) {
            sink += fold.step();
            now = System.nanoTime();
            if (steps == ends.length) {
                ends = Arrays.copyOf(ends, 2 * steps);
            }
            ends[steps++] = now;
        }
        double[] rates = perSecond(Arrays.copyOf(ends, steps), start, w.samplesPerStep(), seconds);
        double samples = Arrays.stream(rates).sum();
        System.out.printf(Locale.ROOT, "%-6s built in %s s, JVM up %s s at the first step; first step %s s; "
                + "%d steps (loss sum %s); load average %.2f at the start, %.2f at the end%n", w.name(),
                format((start - built) / 1e9), format(upAtStart), format((ends[0] - start) / 1e9), steps,
                Double.toString(sink), loadAtStart, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        StringBuilder line = new StringBuilder();
        for (double rate : rates) {
            line.append(line.length() == 0 ? "" : " ").append(format(rate));
        }
        System.out.printf(Locale.ROOT, "%-6s samples/s in each second: %s%n", w.name(), line);
        System.out.printf(Locale.ROOT, "%-6s first %d s, %s%s samples/s%n", w.name(), seconds, MEAN,
                format(samples / seconds));
    }

    /**
     * The samples of each second from the start, a step's samples spread evenly over its wall time:
     * step {@code k} runs from {@code ends[k-1]} (from {@code start} for the first) to {@code ends[k]}.
     *
     * @param ends the times at which the steps ended, in nanoseconds, ascending, all after {@code start}
     * @param start the time at which the first step started
     * @param samplesPerStep the samples of a step
     * @param bins the number of seconds
     * @return the samples counted in each second {@code [b, b + 1)} after {@code start}
     */
    static double[] perSecond(long[] ends, long start, int samplesPerStep, int bins) {
        double[] samples = new double[bins];
        long from = start;
        for (long to : ends) {
            if (to <= from) {
                throw new IllegalArgumentException("ends: expected times after " + from + ", got " + to);
            }
            for (int b = (int) ((from - start) / SECOND); b < bins && (long) b * SECOND + start < to; b++) {
                long overlap = Math.min(to, start + (b + 1) * SECOND) - Math.max(from, start + b * SECOND);
                samples[b] += samplesPerStep * (double) overlap / (to - from);
            }
            from = to;
        }
        return samples;
    }

    private static final long SECOND = 1_000_000_000L;

    private static String format(double x) {
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%,.0f" : "%.2f", x);
    }
}
