package com.wallet.rekey;

import com.wallet.common.crypto.DecryptionException;
import com.wallet.common.crypto.FieldCipher;
import com.wallet.common.crypto.Fingerprints;
import com.wallet.common.idempotency.RequestFingerprint;
import com.wallet.common.messaging.CommandCodec;
import com.wallet.common.messaging.CommandEnvelope;
import com.wallet.common.messaging.TransactionType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every encrypted column of the schema, walked in id order in batches. Each batch is one database
 * transaction; each row is rewritten by one UPDATE conditional on the values it read, so a value a
 * service changed meanwhile (always under the current key) is never overwritten: that row counts
 * as changed concurrently and the next pass looks at it again. Values already under the current key
 * are skipped by their header, so a rerun after an interruption only does what is left.
 *
 * <p>The stored ciphertexts (associated data in brackets):
 * <ul>
 *   <li>{@code wallets.bank_details} [{@code wallets.bank_details:<id>}], at rest</li>
 *   <li>{@code transactions.description}, {@code payment_method} [{@code transactions.<column>:<id>}], at rest</li>
 *   <li>{@code transactions.metadata.sealedClientSecret} (base64) [{@code transactions.client_secret:<id>}], at rest</li>
 *   <li>{@code transactions.request_fingerprint}: recomputed from the row's own fields under the
 *       current fingerprint key, only when the stored one matches them</li>
 *   <li>{@code command_outbox.envelope}: the wallet.commands envelope, as published</li>
 * </ul>
 */
final class JdbcStoredCiphertexts {

    private static final String WALLETS = """
            SELECT id, bank_details FROM wallets
            WHERE bank_details IS NOT NULL AND id > ? ORDER BY id LIMIT ?
            """;
    private static final String UPDATE_WALLET = """
            UPDATE wallets SET bank_details = ? WHERE id = ? AND bank_details = ?
            """;

    private static final String TRANSACTIONS = """
            SELECT id, wallet_id, counterparty_wallet_id, type, amount, currency, description, payment_method,
                   request_fingerprint, metadata ->> 'sealedClientSecret' AS client_secret
            FROM transactions WHERE id > ? ORDER BY id LIMIT ?
            """;
    private static final String UPDATE_TRANSACTION = """
            UPDATE transactions
            SET description = ?, payment_method = ?, request_fingerprint = ?,
                metadata = CASE WHEN ?::text IS NULL THEN metadata
                                ELSE jsonb_set(metadata, '{sealedClientSecret}', to_jsonb(?::text)) END
            WHERE id = ? AND description IS NOT DISTINCT FROM ? AND payment_method IS NOT DISTINCT FROM ?
              AND request_fingerprint = ? AND (metadata ->> 'sealedClientSecret') IS NOT DISTINCT FROM ?
            """;

    private static final String COMMANDS = """
            SELECT command_id, envelope::text AS envelope FROM command_outbox
            WHERE command_id > ? ORDER BY command_id LIMIT ?
            """;
    private static final String UPDATE_COMMAND = """
            UPDATE command_outbox SET envelope = CAST(? AS jsonb)
            WHERE command_id = ? AND envelope = CAST(? AS jsonb)
            """;

    /** PostgreSQL orders uuids as unsigned bytes: the nil uuid is before every other. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final ConnectionSource connections;
    private final FieldCipher atRest;
    private final Fingerprints fingerprints;
    private final CommandCodec commands;
    private final JsonMapper json;
    private final int batchSize;
    private final Consumer<String> progress;

    JdbcStoredCiphertexts(ConnectionSource connections, FieldCipher atRest, Fingerprints fingerprints,
                          CommandCodec commands, JsonMapper json, int batchSize, Consumer<String> progress) {
        this.connections = connections;
        this.atRest = atRest;
        this.fingerprints = fingerprints;
        this.commands = commands;
        this.json = json;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** @param dryRun only count what is not yet current (the final check), write nothing */
    TableResult wallets(boolean dryRun) throws SQLException {
        TableResult result = new TableResult("wallets.bank_details");
        UUID after = BEFORE_ALL;
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(WALLETS)) {
                    select.setObject(1, after);
                    select.setInt(2, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[] {rs.getObject("id", UUID.class), rs.getBytes("bank_details")});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    c.commit();
                    return result;
                }
                try (PreparedStatement update = c.prepareStatement(UPDATE_WALLET)) {
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        byte[] sealed = (byte[]) row[1];
                        after = id;
                        result.examined++;
                        if (atRest.isCurrent(sealed)) {
                            result.current++;
                            continue;
                        }
                        if (dryRun) {
                            result.remaining++;
                            continue;
                        }
                        byte[] resealed;
                        try {
                            resealed = atRest.reseal(sealed, "wallets.bank_details:" + id);
                        } catch (DecryptionException e) {
                            result.unreadable(id, e);
                            continue;
                        }
                        update.setBytes(1, resealed);
                        update.setObject(2, id);
                        update.setBytes(3, sealed);
                        result.applied(update.executeUpdate() == 1);
                    }
                }
                c.commit();
                result.batchDone(progress, dryRun);
            }
        }
    }

    TableResult transactions(boolean dryRun) throws SQLException {
        TableResult result = new TableResult("transactions (description, payment_method, client secret, fingerprint)");
        UUID after = BEFORE_ALL;
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            while (true) {
                List<TransactionRow> rows = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(TRANSACTIONS)) {
                    select.setObject(1, after);
                    select.setInt(2, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(TransactionRow.of(rs));
                        }
                    }
                }
                if (rows.isEmpty()) {
                    c.commit();
                    return result;
                }
                try (PreparedStatement update = c.prepareStatement(UPDATE_TRANSACTION)) {
                    for (TransactionRow row : rows) {
                        after = row.id;
                        result.examined++;
                        if (row.isCurrent(atRest, fingerprints)) {
                            result.current++;
                            continue;
                        }
                        if (dryRun) {
                            result.remaining++;
                            continue;
                        }
                        TransactionRow resealed;
                        try {
                            resealed = row.resealed(atRest, fingerprints);
                        } catch (DecryptionException e) {
                            result.unreadable(row.id, e);
                            continue;
                        }
                        update.setBytes(1, resealed.description);
                        update.setBytes(2, resealed.paymentMethod);
                        update.setString(3, resealed.fingerprint);
                        update.setString(4, resealed.clientSecret);
                        update.setString(5, resealed.clientSecret);
                        update.setObject(6, row.id);
                        setBytes(update, 7, row.description);
                        setBytes(update, 8, row.paymentMethod);
                        update.setString(9, row.fingerprint);
                        update.setString(10, row.clientSecret);
                        boolean applied = update.executeUpdate() == 1;
                        if (applied && !resealed.isCurrent(atRest, fingerprints)) {
                            // Everything else moved; this fingerprint stays under its old key (see resealed).
                            result.unconvertible(row.id, "its stored request fingerprint is not the one of its fields");
                        } else {
                            result.applied(applied);
                        }
                    }
                }
                c.commit();
                result.batchDone(progress, dryRun);
            }
        }
    }

    TableResult commandOutbox(boolean dryRun) throws SQLException {
        TableResult result = new TableResult("command_outbox.envelope");
        UUID after = BEFORE_ALL;
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(COMMANDS)) {
                    select.setObject(1, after);
                    select.setInt(2, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[] {rs.getObject("command_id", UUID.class), rs.getString("envelope")});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    c.commit();
                    return result;
                }
                try (PreparedStatement update = c.prepareStatement(UPDATE_COMMAND)) {
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        String text = (String) row[1];
                        after = id;
                        result.examined++;
                        CommandEnvelope envelope = json.readValue(text, CommandEnvelope.class);
                        if (commands.isCurrent(envelope)) {
                            result.current++;
                            continue;
                        }
                        if (dryRun) {
                            result.remaining++;
                            continue;
                        }
                        CommandEnvelope resealed;
                        try {
                            resealed = commands.reseal(envelope);
                        } catch (CommandCodec.UnreadableCommandException e) {
                            result.unreadable(id, e);
                            continue;
                        }
                        update.setString(1, json.writeValueAsString(resealed));
                        update.setObject(2, id);
                        update.setString(3, text);
                        result.applied(update.executeUpdate() == 1);
                    }
                }
                c.commit();
                result.batchDone(progress, dryRun);
            }
        }
    }

    private static void setBytes(PreparedStatement statement, int index, byte[] value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BINARY);
        } else {
            statement.setBytes(index, value);
        }
    }

    /** The encrypted fields of one transactions row, and what the rest of the row needs to recompute its fingerprint. */
    private record TransactionRow(UUID id, UUID walletId, UUID counterpartyWalletId, TransactionType type, long amount,
                                  String currency, byte[] description, byte[] paymentMethod, String fingerprint,
                                  String clientSecret) {

        static TransactionRow of(ResultSet rs) throws SQLException {
            return new TransactionRow(rs.getObject("id", UUID.class), rs.getObject("wallet_id", UUID.class),
                    rs.getObject("counterparty_wallet_id", UUID.class), TransactionType.valueOf(rs.getString("type")),
                    rs.getLong("amount"), rs.getString("currency"), rs.getBytes("description"),
                    rs.getBytes("payment_method"), rs.getString("request_fingerprint"), rs.getString("client_secret"));
        }

        boolean isCurrent(FieldCipher atRest, Fingerprints fingerprints) {
            return (description == null || atRest.isCurrent(description))
                    && (paymentMethod == null || atRest.isCurrent(paymentMethod))
                    && (clientSecret == null || atRest.isCurrent(decodeOrNull(clientSecret)))
                    && (fingerprints.isCurrent(fingerprint) || !isKeyed(fingerprint));
        }

        /** A value with no key id (not written by the gateway) is under no key: nothing to move, nothing lost with a key. */
        private static boolean isKeyed(String fingerprint) {
            return fingerprint != null && fingerprint.indexOf(':') > 0;
        }

        /**
         * Every field under the current key. The fingerprint is recomputed from the row's fields and
         * replaced only when the stored one is the fingerprint of those very fields (checked under its
         * own key): a fingerprint of anything else is left as it is, never replaced by a guess.
         *
         * @throws DecryptionException when a field opens under no ring key
         */
        TransactionRow resealed(FieldCipher atRest, Fingerprints fingerprints) {
            String descriptionAad = "transactions.description:" + id;
            String paymentMethodAad = "transactions.payment_method:" + id;
            String newFingerprint = fingerprint;
            if (isKeyed(fingerprint) && !fingerprints.isCurrent(fingerprint)) {
                String canonical = RequestFingerprint.of(type, walletId, counterpartyWalletId, amount, currency,
                        plain(atRest, description, descriptionAad), plain(atRest, paymentMethod, paymentMethodAad));
                if (fingerprints.matches(fingerprint, canonical)) {
                    newFingerprint = fingerprints.of(canonical);
                }
            }
            String newSecret = clientSecret == null ? null : Base64.getEncoder().encodeToString(
                    atRest.reseal(decode(clientSecret), "transactions.client_secret:" + id));
            return new TransactionRow(id, walletId, counterpartyWalletId, type, amount, currency,
                    description == null ? null : atRest.reseal(description, descriptionAad),
                    paymentMethod == null ? null : atRest.reseal(paymentMethod, paymentMethodAad),
                    newFingerprint, newSecret);
        }

        private static String plain(FieldCipher cipher, byte[] sealed, String aad) {
            return sealed == null ? null : new String(cipher.open(sealed, aad), StandardCharsets.UTF_8);
        }

        private static byte[] decodeOrNull(String base64) {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static byte[] decode(String base64) {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new DecryptionException("client secret is not base64");
            }
        }
    }

    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
