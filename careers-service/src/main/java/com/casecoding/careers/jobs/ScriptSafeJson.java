package com.casecoding.careers.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * JSON that is safe inside an HTML {@code <script type="application/ld+json">} block: {@code <}, {@code >},
 * {@code &}, {@code '} and the JavaScript line separators are written as {@code \\uXXXX} escapes. The data is the
 * same JSON, but no employer's text (a title with {@code </script>}) can end the script element and inject markup.
 */
@ApplicationScoped
public class ScriptSafeJson {

    private static final class HtmlEscapes extends CharacterEscapes {
        private final int[] table = standardAsciiEscapesForJSON();

        HtmlEscapes() {
            for (char c : new char[]{'<', '>', '&', '\''}) {
                table[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private final ObjectWriter writer;

    @Inject
    public ScriptSafeJson(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory().setCharacterEscapes(new HtmlEscapes());
        this.writer = copy.writer();
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD not serializable", e);
        }
    }
}
