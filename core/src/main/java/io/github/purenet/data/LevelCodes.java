package io.github.purenet.data;

/**
 * The level of each entry of a table, as an index into the table's levels, for
 * {@link Table#ofLevels(io.vavr.collection.Vector, int, int, LevelCodes)}.
 */
@FunctionalInterface
public interface LevelCodes {
    /**
     * The level of an entry.
     *
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the index of the entry's value among the levels
     */
    int at(int row, int column);
}
