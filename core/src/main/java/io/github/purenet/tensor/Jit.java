package io.github.purenet.tensor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JVM compiles hot code with its optimising compiler (C2 on HotSpot). The vector
 * kernels are fast only then: the vector API becomes machine instructions in C2 alone, and under
 * the interpreter or C1 ({@code -Xint}, {@code -XX:TieredStopAtLevel=1} to {@code 3}) every vector
 * operation runs generic Java code, about twenty times slower than the plain kernels.
 */
final class Jit {

    private Jit() {
    }

    /**
     * @return false if this JVM says it interprets only, emulates a client VM, or stops tiered
     *     compilation below level 4; true otherwise, and on JVMs that do not say
     */
    static boolean optimising() {
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode") || info.contains("emulated-client")) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                return true;
            }
            boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
            return !tiered || Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            return true; // not HotSpot, or without its management module: assume an optimising compiler
        }
    }
}
