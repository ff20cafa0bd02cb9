package io.github.purenet.optim;

/** Checks of hyperparameters where they enter, with messages that name the bad value. */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": expected a finite number, got " + value);
        }
    }

    static void requireNonNegative(String name, double value) {
        if (!(value >= 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + ": expected a finite number >= 0, got " + value);
        }
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + ": expected a positive finite number, got " + value);
        }
    }

    static void requireBeta(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + ": expected a number in [0, 1), got " + value);
        }
    }
}
