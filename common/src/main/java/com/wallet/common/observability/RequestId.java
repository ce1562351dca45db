package com.wallet.common.observability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The request id of contract section 5: chosen by the client ({@code X-Request-Id}) or made by the
 * gateway, kept in the logging MDC as {@code requestId}, carried in a Kafka header to the processor,
 * in the Stripe object's metadata ({@code request_id}) and from the webhook back to the processor,
 * so one request can be followed through every service's log.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String STRIPE_METADATA = "request_id";
    // Printable, short, no spaces: it goes into logs, headers and Stripe metadata as it is.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    /** The client's id when it is a usable one, else a new one. */
    public static String orNew(String candidate) {
        return isValid(candidate) ? candidate : UUID.randomUUID().toString();
    }

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** The request id of the work this thread is doing, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The id in a record's headers, or null when absent or unusable. */
    public static String from(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        String value = header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        return isValid(value) ? value : null;
    }

    public static byte[] bytes(String requestId) {
        return requestId.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Puts the id in the MDC until {@link Scope#close()}, which restores what was there (nothing
     * happens for a null or unusable id).
     */
    public static Scope open(String requestId) {
        String previous = MDC.get(MDC_KEY);
        if (!isValid(requestId)) {
            return () -> { };
        }
        MDC.put(MDC_KEY, requestId);
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
