package com.casecoding.codes.imports;

import java.nio.file.Path;

/**
 * A source file that does not fit its official layout: refused as a whole (an import that meets one keeps nothing),
 * with the file name, the 1-based physical line and a reason a person can act on. The one type for "bad file at line
 * N" of every importer and parser.
 */
public class MalformedFileException extends RuntimeException {

    private final String file;
    private final long line;
    private final String reason;

    /** @param line 1-based line number, 0 when the problem is not tied to one line */
    public MalformedFileException(String file, long line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public MalformedFileException(Path file, long line, String reason) {
        this(String.valueOf(file.getFileName()), line, reason);
    }

    /** The file's name (without its folder). */
    public String file() {
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
