package com.casecoding.codes.imports;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a release file line by line, transparently gunzipping {@code .gz}, dropping the CR of CRLF line ends and
 * counting lines (for error messages) and raw bytes (for progress). CMS/CDC files are ASCII or ISO-8859-1, which
 * is the default charset here because it never fails on a byte.
 */
public final class SourceLines implements AutoCloseable {

    private final Path file;
    private final BufferedReader reader;
    private final CountingStream counter;
    private final long size;
    private long lineNumber;

    private SourceLines(Path file, Charset charset) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.counter = new CountingStream(Files.newInputStream(file));
        InputStream in = counter;
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(counter, 1 << 16);
        }
        this.reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    public static SourceLines open(Path file) throws IOException {
        return new SourceLines(file, StandardCharsets.ISO_8859_1);
    }

    public static SourceLines open(Path file, Charset charset) throws IOException {
        return new SourceLines(file, charset);
    }

    /** The next line without its line end, or {@code null} at the end of the file. */
    public String next() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    /** Share of the (stored, possibly compressed) file read so far, 0..1. */
    public double fractionRead() {
        return size == 0 ? 1 : Math.min(1.0, (double) counter.count / size);
    }

    /** An exception to throw for the line last read. */
    public MalformedFileException malformed(String reason) {
        return new MalformedFileException(file, lineNumber, reason);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
