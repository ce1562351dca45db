package com.wallet.common.messaging;

/**
 * The value of a stripe.events record: a {@link StripeEventMessage} sealed by webhook-ingest once it
 * verified Stripe's signature, so that a record nobody with the key produced moves no money
 * (contract 6.8). Opened by {@link StripeEventCodec}.
 *
 * @param eventId Stripe's event id, in clear for routing and logs only; it is the associated data of
 *                {@code sealed}, and must equal the opened message's id
 * @param keyId   id of the master key whose {@code stripe.events} key sealed it (the id inside the ciphertext)
 * @param sealed  base64 AES-256-GCM ciphertext ({@code FieldCipher} layout) of the JSON message
 */
public record StripeEventEnvelope(String eventId, String keyId, String sealed) {
}
