package io.github.purenet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results of {@link PurenetBench}, {@link ConvBench} and {@link HandWrittenBench} and prints one row
 * per workload: the library's and the baseline's operations per second, their ratio, the GFLOP/s
 * of the workloads whose flops are counted (small and big by the usual convention, 6 flops per
 * weight per sample, 6 · Σ fan_in · fan_out; lenet and convnet as 6 flops per multiply-add of the
 * forward pass; matmul as 2n³), and the bytes allocated per
 * operation when the run used {@code -prof gc}. Backpropagation skips the gradient of the
 * network's input, so the flops actually done are fewer (see {@link PurenetBench}).
 *
 * <pre>
 * java -cp examples/target/benchmarks.jar io.github.purenet.bench.Report examples/target/jmh-result.json
 * </pre>
 *
 * <p>An operation is a step for {@code tiny} (and {@code tinyFunctions}, {@code tinyImmutable}), a
 * sample for {@code small}, {@code smallAdam}, {@code big}, {@code lenet} and {@code convnet}, a product for {@code matmul}; "±" is
 * JMH's 99.9% confidence half-width, absent when a run had a single measurement iteration. Below
 * the table, the ratios that the targets name: {@code tiny} through the fold against the
 * hand-written pure step, and {@code smallAdam} against {@code small}.
 */
public final class Report {

    /** Flops per sample of a step of 784-128-10 by the convention 6 · Σ fan_in · fan_out. */
    static final double SMALL_FLOPS = 6.0 * (784 * 128 + 128 * 10);
    /** Flops per sample of a step of 784-1024-1024-10 by the same convention: 11,169,792. */
    static final double BIG_FLOPS = 6.0 * (784 * 1024 + 1024 * 1024 + 1024 * 10);
    /** {@link ConvBench#lenet}'s flops per sample: 6 per multiply-add of the forward pass. */
    static final double LENET_FLOPS = 6.0 * (86_400 + 153_600 + 41_640);
    /** {@link ConvBench#convnet}'s flops per sample: 6 per multiply-add of the forward pass. */
    static final double CONVNET_FLOPS = 6.0 * (194_688 + 10_616_832 + 1_180_928);

    private Report() {
    }

    /** One benchmark's figures. */
    private record Score(double opsPerSecond, double error, double bytesPerOp) {
    }

    /**
     * Prints the table.
     *
     * @param args the path of JMH's JSON results file
     * @throws IOException if the file cannot be read or parsed
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar io.github.purenet.bench.Report jmh-result.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        Map<String, Score> library = new LinkedHashMap<>();
        Map<String, Score> baseline = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String workload = result.has("params") ? method + " n=" + result.path("params").path("n").asText() : method;
            JsonNode primary = result.path("primaryMetric");
            double bytes = Double.NaN;
            for (Map.Entry<String, JsonNode> metric : result.path("secondaryMetrics").properties()) {
                if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = metric.getValue().path("score").asDouble();
                }
            }
            Score score = new Score(primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN), bytes);
            if (benchmark.contains(".PurenetBench.") || benchmark.contains(".ConvBench.")) {
                library.put(workload, score);
            } else if (benchmark.contains(".HandWrittenBench.")) {
                baseline.put(workload, score);
            }
        }
        Map<String, Score> all = new LinkedHashMap<>(library);
        baseline.forEach(all::putIfAbsent);
        System.out.printf(Locale.ROOT, "%-12s %-7s %24s %24s %9s %9s %9s %12s %12s%n", "workload", "op",
                "library ops/s", "baseline ops/s", "lib/base", "lib GF/s", "base GF/s", "lib B/op", "base B/op");
        for (String workload : all.keySet()) {
            Score lib = library.get(workload);
            Score base = baseline.get(workload);
            double flops = flopsPerOp(workload);
            System.out.printf(Locale.ROOT, "%-12s %-7s %24s %24s %9s %9s %9s %12s %12s%n", workload, unit(workload),
                    rate(lib), rate(base),
                    lib != null && base != null ? String.format(Locale.ROOT, "%.3f", lib.opsPerSecond / base.opsPerSecond) : "-",
                    gflops(lib, flops), gflops(base, flops), bytes(lib), bytes(base));
        }
        ratio("tiny through the fold / tinyImmutable (target >= 0.75)", library.get("tiny"), baseline.get("tinyImmutable"));
        ratio("smallAdam / small (target >= 0.85)", library.get("smallAdam"), library.get("small"));
    }

    /** Prints one ratio of the targets, when the run has both figures. */
    private static void ratio(String name, Score numerator, Score denominator) {
        if (numerator != null && denominator != null) {
            System.out.printf(Locale.ROOT, "%s: %.3f%n", name, numerator.opsPerSecond / denominator.opsPerSecond);
        }
    }

    private static double flopsPerOp(String workload) {
        if (workload.equals("small") || workload.equals("smallAdam")) {
            return SMALL_FLOPS;
        } else if (workload.equals("big")) {
            return BIG_FLOPS;
        } else if (workload.equals("lenet")) {
            return LENET_FLOPS;
        } else if (workload.equals("convnet")) {
            return CONVNET_FLOPS;
        } else if (workload.startsWith("matmul n=")) {
            double n = Double.parseDouble(workload.substring("matmul n=".length()));
            return 2.0 * n * n * n;
        }
        return Double.NaN;
    }

    private static String unit(String workload) {
        return workload.startsWith("tiny") ? "step" : workload.startsWith("matmul") ? "product" : "sample";
    }

    private static String rate(Score s) {
        if (s == null) {
            return "-";
        }
        return Double.isNaN(s.error)
                ? String.format(Locale.ROOT, "%.4g", s.opsPerSecond)
                : String.format(Locale.ROOT, "%.4g ± %.2g", s.opsPerSecond, s.error);
    }

    private static String gflops(Score s, double flopsPerOp) {
        return s == null || Double.isNaN(flopsPerOp) ? "-" : String.format(Locale.ROOT, "%.2f", s.opsPerSecond * flopsPerOp / 1e9);
    }

    private static String bytes(Score s) {
        return s == null || Double.isNaN(s.bytesPerOp) ? "-" : String.format(Locale.ROOT, "%.0f", s.bytesPerOp);
    }
}
