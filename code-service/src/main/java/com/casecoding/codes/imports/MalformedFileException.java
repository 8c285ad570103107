package com.casecoding.codes.imports;

import java.nio.file.Path;

/** A file that does not fit its format: it is refused as a whole, with where and why. */
public class MalformedFileException extends Exception {

    private final Path file;
    private final long line;
    private final String reason;

    public MalformedFileException(Path file, long line, String reason) {
        super(file.getFileName() + (line > 0 ? ", line " + line : "") + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when the problem is not tied to one line. */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
