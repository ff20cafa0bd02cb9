package io.github.purenet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** Values in messages: whole up to 40 characters, cut with their length beyond. */
class EchoTest {

    @Test
    void shortValuesAreShownWhole() {
        assertEquals("", Echo.of(""));
        assertEquals("a".repeat(40), Echo.of("a".repeat(40)));
    }

    @Test
    void longerValuesShowTheirFirstFortyCharactersAndTheirLength() {
        assertEquals("a".repeat(40) + "... (41 characters)", Echo.of("a".repeat(41)));
        assertEquals("b".repeat(40) + "... (10,000,000 characters)", Echo.of("b".repeat(10_000_000)));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNotCutInHalf() {
        String clef = "\uD834\uDD1E"; // U+1D11E, two chars
        assertEquals("a".repeat(39) + "... (45 characters)", Echo.of("a".repeat(39) + clef + "b".repeat(4)));
    }

    @Test
    void listsShowTheirFirstTenValuesAndHowManyThereAre() {
        assertEquals("a, b", Echo.list(Vector.of("a", "b")));
        assertEquals("0, 1, 2, 3, 4, 5, 6, 7, 8, 9", Echo.list(Vector.range(0, 10).map(String::valueOf)));
        assertEquals("0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (11 in all)", Echo.list(Vector.range(0, 11).map(String::valueOf)));
    }
}
