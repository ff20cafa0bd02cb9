package io.github.purenet.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing files so that a reader never sees half of one: the bytes go to a temporary file in the
 * same directory, which is flushed to the disk and then renamed over the target in one atomic
 * step. A process killed at any moment leaves either the old file or the new one, complete (and
 * perhaps a stray temporary file, {@code .NAME.*.tmp}).
 *
 * <p>Also the checks made before anything is written, so that a bad output path stops the program
 * before it has changed any file.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to write or replace
     * @param bytes its new content
     * @throws CliException (data) naming the file if it cannot be written
     */
    static void write(Path target, byte[] bytes) {
        Path directory = directoryOf(target);
        Path temporary = null;
        try {
            // not Files.createTempFile, whose owner-only permissions the renamed file would keep
            temporary = directory.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw CliException.data(target + ": cannot be replaced atomically on this file system", e);
        } catch (IOException e) {
            throw CliException.data(target + ": cannot write: " + reason(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing more to do: the stray temporary file is named as such
                }
            }
        }
    }

    /**
     * Checks, before anything is written, that a file can be written later: its directory exists
     * and is writable, and the file itself, if it exists, is a regular file.
     *
     * @param option the option that names the file, for messages
     * @param target the file
     * @throws CliException (data) naming the option, the file and the problem
     */
    static void requireWritable(String option, Path target) {
        Path directory = directoryOf(target);
        if (!Files.isDirectory(directory)) {
            throw CliException.data(option + " " + target + ": " + (Files.exists(directory) ? directory
                    + " is not a directory" : "no such directory " + directory));
        }
        if (!Files.isWritable(directory)) {
            throw CliException.data(option + " " + target + ": cannot write in " + directory + " (permission denied)");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw CliException.data(option + " " + target + ": exists and is not a regular file");
        }
    }

    /**
     * Checks, before anything is written, that a directory exists and is writable, or can be
     * created (its parent exists).
     *
     * @param option the option that names the directory, for messages
     * @param directory the directory
     * @throws CliException (data) naming the option, the directory and the problem
     */
    static void requireDirectory(String option, Path directory) {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw CliException.data(option + " " + directory + ": exists and is not a directory");
            }
            if (!Files.isWritable(directory)) {
                throw CliException.data(option + " " + directory + ": cannot write in it (permission denied)");
            }
        } else {
            requireWritable(option, directory);
        }
    }

    /**
     * Creates a directory (and no parents) if it does not exist.
     *
     * @param directory the directory, whose parent exists
     * @throws CliException (data) naming it if it cannot be created
     */
    static void createDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectory(directory);
            }
        } catch (IOException e) {
            throw CliException.data(directory + ": cannot create the directory: " + reason(e), e);
        }
    }

    /**
     * Reads a whole text file.
     *
     * @param option the option that names the file, for messages
     * @param file the file
     * @return its text, as UTF-8
     * @throws CliException (data) naming the file if it is missing, a directory or unreadable
     */
    static String read(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw CliException.data(option + " " + file + ": is a directory, expected a file");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw CliException.data(option + " " + file + ": "
                    + reason(e), e);
        }
    }

    /**
     * Whether two paths name one file: their real paths (links resolved) where they exist, else
     * the real path of an existing directory with the file's name, else the normalised absolute
     * path.
     *
     * @param a a path
     * @param b another path
     * @return whether writing to one would change the other
     */
    static boolean same(Path a, Path b) {
        return canonical(a).equals(canonical(b));
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            return parent != null && Files.isDirectory(parent) && absolute.getFileName() != null
                    ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static Path directoryOf(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        return parent == null ? target.toAbsolutePath().getRoot() : parent;
    }

    /**
     * What went wrong with a file, in a few words: missing, not permitted, not UTF-8, or else the
     * exception's own message.
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
