package com.casecoding.codes.edits;

/**
 * A source file that does not follow its official layout. Carries the file name, the 1-based physical line and a
 * reason a person can act on; an import that meets one keeps nothing.
 */
public class FileLayoutException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public FileLayoutException(String file, int line, String reason) {
        super(file + ", line " + line + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
