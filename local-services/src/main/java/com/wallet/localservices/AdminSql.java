package com.wallet.localservices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One administrative statement (SELECT 1, CREATE DATABASE, ...) where no psql is installed. */
final class AdminSql {

    private AdminSql() {
    }

    static int run(String[] args) {
        String host = "127.0.0.1";
        String port = "5432";
        String user = "postgres";
        String sql = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = args[++i];
                case "--user" -> user = args[++i];
                default -> sql = args[i];
            }
        }
        if (sql == null) {
            System.err.println("usage: sql [--host H] [--port P] [--user U] STATEMENT");
            return 64;
        }
        String password = System.getenv().getOrDefault("DATABASE_PASSWORD", "");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=5";
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                print(s.getResultSet());
            }
            return 0;
        } catch (SQLException e) {
            // The driver's message names the cause (refused, authentication); never the password.
            System.err.println("psql (JDBC): " + e.getMessage());
            return 2;
        }
    }

    private static void print(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                row.add(value == null ? "" : value);
            }
            System.out.println(String.join("|", row));
        }
    }
}
