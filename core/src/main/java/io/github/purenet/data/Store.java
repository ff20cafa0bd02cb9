package io.github.purenet.data;

/**
 * The storage behind a {@link Table}: arrays filled once by {@link Encoder} or a factory, never
 * written afterwards, shared by the tables that {@link #select} makes. Each kind gives a row back as
 * fresh doubles with the bits it was given.
 */
sealed interface Store permits Levels, Floats, Doubles, OneHot {

    int rows();

    int columns();

    /** @return row {@code i} as a new array of doubles, which the caller may write */
    double[] row(int i);

    /** @return entry {@code (i, j)}, in range (checked by the caller) */
    double get(int i, int j);

    /** @return the rows {@code picked} (checked by the caller), sharing this store's arrays */
    Store select(int[] picked);

    double bytesPerEntry();

    String describe();
}
