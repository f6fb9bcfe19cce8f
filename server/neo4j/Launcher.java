import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with Bolt on loopback, for machines without Docker.
 *
 * Usage: java -cp 'classes:lib/*' Launcher <home-dir> <bolt-port> <page-cache-MiB> <tx-timeout-s> [plugin-dir]
 *
 * With a plugin dir (the benchmark's @neo4j/graphql peer needs APOC), procedures load from there
 * and apoc.* runs unrestricted; their jars must also be on the classpath for kernel extensions.
 *
 * Prints "READY <port>" once Bolt listens. Stops cleanly on SIGINT/SIGTERM and also when its
 * standard input closes, so that it never outlives the Node process that started it, even when
 * that process is killed outright.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 5) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> <page-cache-MiB> <tx-timeout-s> [plugin-dir]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheBytes = Long.parseLong(args[2]) * 1024L * 1024L;
    long txTimeoutSeconds = Long.parseLong(args[3]);

    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
      if (args.length == 5) {
        builder
            .setConfig(GraphDatabaseSettings.plugin_dir, Path.of(args[4]).toAbsolutePath())
            .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
      }
      // More settings from a file of `name=value` lines (the tests' Neo4j servers use this); a bad
      // name or value fails the start with Neo4j's own message.
      String more = System.getenv("ATLAS_NEO4J_SETTINGS_FILE");
      if (more != null && !more.isBlank()) builder.loadPropertiesFromFile(Path.of(more));
      dbms = builder
          .setConfig(BoltConnector.enabled, true)
          // Loopback only, and authentication on: Bolt also accepts WebSocket connections, which
          // browsers allow from any page, so an open port would let any web page run Cypher.
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(GraphDatabaseSettings.auth_enabled, true)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
          // Transaction logs grow as written instead of reserving 256 MB each up front: the atlas
          // writes little, and every test run and benchmark starts databases of its own.
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          // Netty's defaults wait ~10 s for a quiet Bolt server on shutdown; we want Ctrl-C to be quick.
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
          .build();
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      System.err.println("FAILED " + root.getClass().getSimpleName() + ": " + root.getMessage());
      System.exit(3);
      return;
    }

    // The password is new at every start and known only to the parent (environment, not argv).
    String password = System.getenv("ATLAS_NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("FAILED IllegalArgumentException: ATLAS_NEO4J_PASSWORD (8+ characters) must be set");
      dbms.shutdown();
      System.exit(2);
      return;
    }
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (Throwable e) {
      // A restart that keeps its password (the caller passed the same one) finds it already set.
      String why = String.valueOf(e.getMessage());
      if (!why.contains("cannot be the same")) {
        System.err.println("FAILED " + e.getClass().getSimpleName() + ": could not set the password: " + why);
        dbms.shutdown();
        System.exit(3);
        return;
      }
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    // Parent gone (pipe closed) => stop. This is what guarantees no orphaned Java process.
    Thread watcher = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
          // ignore input; only end-of-stream matters
        }
      } catch (Exception ignored) {
        // a broken pipe means the same as end-of-stream
      }
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();

    System.out.println("READY " + port);
    System.out.flush();
    stopped.await();
  }
}
