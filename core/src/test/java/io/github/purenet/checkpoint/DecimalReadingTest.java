package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.tensor.Matrix;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Numbers as other tools write them (more digits than a double needs, exponents, integers, the
 * decimal halfway between two doubles) read as the nearest double, exactly as the JDK's
 * {@link Double#parseDouble} reads them: the oracle, which shares no code with the codec's reader.
 */
class DecimalReadingTest {

    @Test
    void decimalsReadAsTheNearestDoubleAsDoubleParseDoubleReadsThem() {
        SplittableRandom random = new SplittableRandom(16);
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
            int length = 1 + random.nextInt(25);
            for (int i = 0; i < length; i++) {
                digits.append((char) ('0' + (i == 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
            }
            switch (k % 4) {
                case 0 -> texts.add(digits.toString());                                        // an integer
                case 1 -> texts.add(length == 1 ? digits + ".0"                                  // d.ddd
                        : digits.insert(digits.length() - length + 1, '.').toString());
                case 2 -> texts.add(digits.append("e").append(random.nextInt(-330, 280)).toString());
                default -> {                                                                    // a halfway case
                    double d = Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                    BigDecimal half = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2),
                            MathContext.UNLIMITED);
                    texts.add(half.toString());
                }
            }
        }
        texts.addAll(List.of("0", "-0", "0.0", "-0.0", "4.9E-324", "2.4703282292062327E-324", "2.2250738585072011e-308",
                "1.7976931348623157E308", "1.7976931348623158e308", "9007199254740993", "0.1", "1e23", "8.41e21"));
        String values = String.join(", ", texts);
        String document = "{\"format\": \"purenet\", \"version\": 2, \"type\": \"gradients\", \"gradients\": {\"p\": "
                + "{\"shape\": [1, " + texts.size() + "], \"values\": [[" + values + "]]}}}";
        Matrix read = CODEC.decodeGradients(document).values().head();
        for (int j = 0; j < texts.size(); j++) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(texts.get(j))),
                    Double.doubleToRawLongBits(read.get(0, j)), texts.get(j));
        }
    }
}
