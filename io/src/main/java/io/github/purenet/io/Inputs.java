package io.github.purenet.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where bytes come in: opening a file, seeing through gzip, decoding UTF-8 strictly, and saying
 * in a few words what went wrong, naming the source.
 */
final class Inputs {

    /** The first two bytes of every gzip stream (RFC 1952). */
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private Inputs() {
    }

    /**
     * Opens a file for reading, refusing a directory.
     *
     * @param file the file
     * @return its bytes, not yet decompressed
     * @throws DataException naming the file if it cannot be opened
     */
    static InputStream open(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw DataException.of(source, ": is a directory, expected a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    /**
     * The bytes of a stream with gzip undone: when the source's name ends in {@code .gz}, or the
     * stream starts with gzip's magic bytes.
     *
     * @param in the stream
     * @param source its name
     * @return the decompressed bytes
     * @throws IOException if the stream cannot be read, or is named {@code .gz} but is not gzip
     */
    static InputStream decompressed(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        boolean magic = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
        buffered.reset();
        return magic || source.endsWith(".gz") ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /**
     * Text decoded as UTF-8, refusing bytes that are not UTF-8 rather than replacing them.
     *
     * @param in the bytes
     * @return the text
     */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Text without the byte-order mark that some programs write first.
     *
     * @param reader the text
     * @return the same text, buffered, after any leading {@code U+FEFF}
     * @throws IOException if it cannot be read
     */
    static Reader withoutBom(Reader reader) throws IOException {
        BufferedReader buffered = new BufferedReader(reader, 1 << 16);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    /**
     * An I/O failure as one line that names the source.
     *
     * @param source the file or stream
     * @param e what failed
     * @return the exception, with {@code e} as its cause
     */
    static DataException failure(String source, IOException e) {
        return DataException.of(source, ": " + reason(e), e);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof ZipException) {
            return "not valid gzip data (" + e.getMessage() + ")";
        }
        if (e instanceof EOFException) {
            return "truncated gzip data";
        }
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
