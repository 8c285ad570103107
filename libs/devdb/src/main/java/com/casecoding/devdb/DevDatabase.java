package com.casecoding.devdb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devdb.jar [dataDir] [port]}: runs the embedded PostgreSQL for {@code ./run} until stopped.
 * Prints one line {@code READY <jdbc-url>} once clients can connect.
 */
public final class DevDatabase {

    private DevDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".data/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 55432;
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "devdb-stop"));
        System.out.println("READY " + db.jdbcUrl());
        System.out.flush();
        stopped.await();
    }
}
