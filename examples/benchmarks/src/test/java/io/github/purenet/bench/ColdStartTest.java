package io.github.purenet.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link ColdStart}'s samples per second, counted by hand. */
class ColdStartTest {

    private static final long S = 1_000_000_000L;

    @Test
    void eachStepsSamplesAreSpreadOverItsWallTime() {
        // steps of 10 samples over [0, 0.5], [0.5, 1.5], [1.5, 2]: 10 + 5 in the first second, 5 + 10 in the second
        long start = 7 * S;
        assertArrayEquals(new double[] {15, 15},
                ColdStart.perSecond(new long[] {start + S / 2, start + 3 * S / 2, start + 2 * S}, start, 10, 2));
        // one step of 256 over [0, 2.5]: 102.4 a second; the third second holds half a second of it, then nothing
        assertArrayEquals(new double[] {102.4, 102.4, 51.2, 0},
                ColdStart.perSecond(new long[] {start + 5 * S / 2}, start, 256, 4), 1e-9);
        // a step that ends after the last second counts only its part inside
        assertArrayEquals(new double[] {20 + 10},
                ColdStart.perSecond(new long[] {start + S / 2, start + 3 * S / 2}, start, 20, 1), 1e-12);
    }

    @Test
    void stepsThatDoNotMoveForwardAreRefused() {
        assertEquals("ends: expected times after 5, got 5",
                assertThrows(IllegalArgumentException.class, () -> ColdStart.perSecond(new long[] {5}, 5, 1, 1))
                        .getMessage());
    }
}
