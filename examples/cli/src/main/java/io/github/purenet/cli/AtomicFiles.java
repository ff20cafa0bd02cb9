package io.github.purenet.cli;

import io.github.purenet.io.Memory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
     * The most bytes of a model or checkpoint file that the command line reads: 1 GiB, more than
     * the JSON of a network of 20 million parameters with its optimizer's state.
     */
    static final long MAX_DOCUMENT_BYTES = 1L << 30;

    /**
     * Reads a whole text file: a model or a checkpoint, a JSON document of at most
     * {@link #MAX_DOCUMENT_BYTES}. A longer file, or bytes that JSON text never holds (control
     * characters other than tab, line feed and carriage return, as {@code /dev/zero} gives), are
     * refused as soon as they are read, not after filling the memory.
     *
     * @param option the option that names the file, for messages
     * @param file the file
     * @return its text, as UTF-8
     * @throws CliException (data) naming the file if it is missing, a directory, unreadable, too
     *     long, not UTF-8 or not JSON text
     */
    static String read(String option, Path file) {
        return read(option, file, MAX_DOCUMENT_BYTES);
    }

    /**
     * Reads a whole text file of at most {@code maxBytes}, as {@link #read(String, Path)}.
     *
     * @param option the option that names the file, for messages
     * @param file the file
     * @param maxBytes the most bytes it may have
     * @return its text, as UTF-8
     */
    static String read(String option, Path file, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw CliException.data(option + " " + file + ": is a directory, expected a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int k = 0; k < n; k++) {
                    int b = buffer[k];
                    if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                        text.write(buffer, 0, k);
                        utf8(text.toByteArray()); // bytes that are not UTF-8 before it say so first
                        throw CliException.data(option + " " + file + ": not valid JSON (byte " + (text.size() + k + 1)
                                + " is " + String.format(java.util.Locale.ROOT, "0x%02x", b)
                                + ", a control character); is it a model or checkpoint file?");
                    }
                }
                if (text.size() + (long) n > maxBytes) {
                    throw CliException.data(option + " " + file + ": longer than " + Memory.bytes(maxBytes)
                            + ", the most a model or checkpoint file may have; is it the right file?");
                }
                text.write(buffer, 0, n);
            }
            return utf8(text.toByteArray());
        } catch (IOException e) {
            throw CliException.data(option + " " + file + ": " + reason(e), e);
        }
    }

    private static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
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
