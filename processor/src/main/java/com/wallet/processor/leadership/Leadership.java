package com.wallet.processor.leadership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only one processor instance relays the outbox (or runs a reconciler: another lock key) at a time: the one holding a session-level
 * {@code pg_try_advisory_lock} on a connection it keeps for itself. If that instance dies, its
 * connection closes, PostgreSQL releases the lock, and another instance takes over on its next try.
 * Its own package: the outbox relay and the wallet's reconcilers both elect a leader, and neither
 * reaches into the other for it.
 */
public class Leadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final DataSource dataSource;
    private final long lockKey;
    private final String listenChannel;
    private Connection connection;
    private boolean leader;

    public Leadership(DataSource dataSource, long lockKey) {
        this(dataSource, lockKey, null);
    }

    /**
     * @param listenChannel a NOTIFY channel the leader LISTENs on, on its lock connection, so
     *                      {@link #awaitNotification} wakes as soon as a writer commits (null: none)
     */
    public Leadership(DataSource dataSource, long lockKey, String listenChannel) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
        this.listenChannel = listenChannel;
    }

    /** @return whether this instance holds the relay lock (tries to take it when it does not) */
    public synchronized boolean isLeader() {
        try {
            if (connection != null && !connection.isValid(2)) {
                release();
            }
            if (leader) {
                return true;
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, lockKey);
                try (ResultSet rs = ps.executeQuery()) {
                    leader = rs.next() && rs.getBoolean(1);
                }
            }
            if (leader) {
                log.info("this instance now holds leadership lock {}", lockKey);
                if (listenChannel != null) {
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + listenChannel);
                    }
                }
            }
            return leader;
        } catch (SQLException e) {
            log.warn("leadership lock {} unavailable: {}", lockKey, e.getClass().getSimpleName());
            release();
            return false;
        }
    }

    /**
     * Waits up to {@code max} for a NOTIFY on the channel (the leader only; anyone else just waits).
     * Any number of notifications since the last call count as one wake-up.
     */
    public void awaitNotification(Duration max) {
        int millis = (int) Math.max(1, max.toMillis());
        PGConnection listening = null;
        synchronized (this) {
            if (leader && listenChannel != null && connection != null) {
                try {
                    listening = connection.unwrap(PGConnection.class);
                } catch (SQLException e) {
                    listening = null;
                }
            }
        }
        try {
            if (listening != null) {
                listening.getNotifications(millis);
            } else {
                Thread.sleep(millis);
            }
        } catch (SQLException e) {
            log.warn("waiting for {} failed: {}", listenChannel, e.getClass().getSimpleName());
            synchronized (this) {
                release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        leader = false;
        if (connection != null) {
            try {
                connection.close(); // closing the session releases the advisory lock
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        if (leader && connection != null) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, lockKey);
                ps.execute();
            } catch (SQLException ignored) {
                // closing the connection below releases it anyway
            }
        }
        release();
    }
}
