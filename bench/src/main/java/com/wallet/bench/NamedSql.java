package com.wallet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement with named parameters ({@code :name}, as the services write them for JdbcClient)
 * turned into plain JDBC: the text with {@code ?} in their place and the names in order.
 * {@code ::} casts are left alone.
 */
record NamedSql(String jdbc, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        return new NamedSql(jdbc.toString(), List.copyOf(names));
    }
}
