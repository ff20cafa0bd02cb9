package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import org.junit.jupiter.api.Test;

/** Operations done in one pass have the bits of the same operations done one after the other. */
class FusedOperationsTest {

    @Test
    void plusScaledIsPlusOfScaleBitForBit() {
        Property.forAll(Generators.pairs(Generators.matrices().values(-10, 10), Generators.keys())).trials(300)
                .check(pair -> {
                    Matrix a = pair._1;
                    Matrix b = pair._2.normal(a.rows(), a.columns(), 0, 3).value();
                    double factor = pair._2.foldIn(1).normal().value();
                    assertEquals(a.plus(b.scale(factor)), a.plusScaled(b, factor));
                    assertEquals(a.minus(b.scale(factor)), a.plusScaled(b, -factor), "subtraction adds the negation");
                });
    }
}
