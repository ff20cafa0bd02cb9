package io.github.purenet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** The classes of integer labels: 0 to the largest, counted without overflow. */
class ClassesTest {

    @Test
    void theClassesOfNumbersAreZeroToTheLargestLabel() {
        assertEquals(Vector.of("0", "1", "2", "3"), Classes.ofNumbers(Vector.of(3, 0, 1)).names());
        assertEquals(Classes.MAX_CLASS + 1, Classes.ofNumbers(Vector.of(0, Classes.MAX_CLASS)).names().size());
    }

    @Test
    void aLabelOfTheLargestIntIsRefusedNotWrappedToNoClasses() {
        // largest + 1 overflowed to Integer.MIN_VALUE: no class names, and "every label is 0" downstream
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classes.ofNumbers(Vector.of(0, 1, Integer.MAX_VALUE)));
        assertEquals("labels: label 2147483647 implies 2,147,483,648 classes, and class numbers go up to 65535",
                e.getMessage());
    }
}
