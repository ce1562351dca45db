package com.wallet.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers bin/wallet falls back to: real ones, on the port asked for, data kept. */
class EmbeddedServersIT {

    @TempDir
    Path data;

    @Test
    void shouldServePostgres15OnThePortAndKeepTheDataAcrossRestarts() throws Exception {
        int port = freePort();
        LocalServicesMain.Options options = new LocalServicesMain.Options("postgres", port, data.resolve("pg"));
        try (var pg = LocalServicesMain.startPostgres(options);
             Connection c = connect(port);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE wallet_it");
            ResultSet rs = s.executeQuery("SHOW server_version");
            rs.next();
            assertThat(rs.getString(1)).startsWith("15.");
        }
        try (var pg = LocalServicesMain.startPostgres(options);
             Connection c = connect(port);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'wallet_it'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the database created before the restart").isEqualTo(1);
        }
    }

    @Test
    void shouldServeRedisOnThePort() throws Exception {
        int port = freePort();
        try (var redis = LocalServicesMain.startRedis(new LocalServicesMain.Options("redis", port, data.resolve("redis")));
             Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.readNBytes(reply, 0, 7);
            assertThat(new String(reply, 0, n, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
