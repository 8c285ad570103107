package com.casecoding.codes.consult;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a consult stands. {@code waiting} = a consultant asked the user for more information. */
public enum ConsultStatus {
    NEW("new"), CLAIMED("claimed"), WAITING("waiting"), ANSWERED("answered"), CLOSED("closed");

    private final String id;

    ConsultStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<ConsultStatus> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ConsultStatus, String> {
        @Override
        public String convertToDatabaseColumn(ConsultStatus status) {
            return status == null ? null : status.id;
        }

        @Override
        public ConsultStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromId(value).orElseThrow();
        }
    }
}
