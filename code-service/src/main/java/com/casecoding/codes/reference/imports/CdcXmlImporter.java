package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.SourceFile;

import javax.xml.stream.XMLStreamException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Tabular List and the index importers share: CDC's file names ({@link CdcXmlFile}) and turning a schema
 * break or an XML syntax error into a refusal with the line it happened at.
 */
abstract class CdcXmlImporter implements DatasetImporter {

    /** True for the datasets this importer reads. */
    abstract boolean reads(String dataset);

    /** Reads the whole file; {@link TabularParser.LayoutException} and XML errors refuse it. */
    abstract long read(CdcXmlFile name, SourceFile source, ImportContext context) throws Exception;

    @Override
    public Optional<SourceFile> recognize(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return CdcXmlFile.of(file).filter(f -> reads(f.dataset()))
                .map(f -> new SourceFile(f.dataset(), f.version(), f.effectiveDate(), file, List.of(), f.describe()));
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public long importFile(SourceFile source, ImportContext context) throws Exception {
        try {
            return read(CdcXmlFile.of(source.file()).orElseThrow(), source, context);
        } catch (TabularParser.LayoutException e) {
            throw context.malformed(e.line, e.getMessage());
        } catch (XMLStreamException e) {
            throw context.malformed(e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    "not well-formed XML: " + e.getMessage());
        }
    }
}
