package com.wallet.processor.analytics.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** JSON of a fixed type, no type headers; an unreadable value deserializes to null (and is skipped). */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type, JsonMapper json) {
        ObjectReader reader = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Serializer<T> serializer = (topic, value) -> value == null ? null : json.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (JacksonException | IllegalArgumentException e) {
                return null;
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
