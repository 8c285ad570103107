package com.casecoding.codes.catalog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One read-only query on a fresh connection: bind the parameters, read each row. */
public final class Sql {

    private Sql() {
    }

    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}; a database error becomes an {@link IllegalStateException} naming {@code what}. */
    public static void query(DataSource dataSource, String what, String sql, Binder binder, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }
}
