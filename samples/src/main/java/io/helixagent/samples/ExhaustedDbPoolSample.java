package io.helixagent.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database side of the guide's "connection exhaustion": 8 order-request threads each keep a database
 * connection for 700 ms (a slow remote call made inside the transaction), against a HikariCP pool of 2
 * connections whose callers give up after 1 s. Callers queue for connections, and most of them fail with
 * {@code SQLTransientConnectionException} ("Connection is not available, request timed out after 1000ms").
 * <p>
 * Expected from helix-agent: {@code connpool.exhaustion} (CRITICAL) naming the pool {@code orders-db} and this
 * class as its creator, with 2/2 connections in use, callers waiting, timeouts per second and a hold time
 * near 700 ms.
 */
public final class ExhaustedDbPoolSample {
    /** The query; the report must never contain it (nor its marker). */
    static final String SQL = "SELECT COUNT(*) FROM orders WHERE note <> 'helix-sql-marker'";
    private static final long HOLD_MILLIS = 700;

    private ExhaustedDbPoolSample() {
    }

    public static void main(final String[] args) throws Exception {
        run(SampleRunner.seconds(args));
        SampleRunner.printReports();
    }

    /** Runs the order service for {@code seconds}, printing when the trouble starts and how calls ended. */
    static void run(final int seconds) throws Exception {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        config.setPoolName("orders-db");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            createSchema(pool);
            System.out.println("onset db " + System.currentTimeMillis());
            final LoadLoop load = LoadLoop.forSeconds(seconds).start("order-request", 8, 0, () -> placeOrder(pool));
            System.out.println("orders-db outcomes: " + load.await());
        }
    }

    private static void placeOrder(final HikariDataSource pool) throws SQLException, InterruptedException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SQL)) {
            rows.next();
            Thread.sleep(HOLD_MILLIS);
        }
    }

    static void createSchema(final HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, note VARCHAR(100))");
            statement.execute("MERGE INTO orders VALUES (1, 'first')");
        }
    }
}
