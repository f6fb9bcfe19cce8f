import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The embedded Neo4j of server/neo4j/Launcher.java plus APOC core, for the @neo4j/graphql peer in
 * `npm run bench` only (the product does not need APOC). APOC's kernel extensions load from the
 * classpath and its procedures from plugin_dir, so its jars must be in both.
 *
 * Usage: java -cp 'classes:lib/*:apoc/*' ApocLauncher <home-dir> <bolt-port> <page-cache-MiB> <plugin-dir>
 *
 * Prints "READY <port>" once Bolt listens; stops on SIGTERM and when its standard input closes.
 */
public final class ApocLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: ApocLauncher <home-dir> <bolt-port> <page-cache-MiB> <plugin-dir>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheBytes = Long.parseLong(args[2]) * 1024L * 1024L;
    Path plugins = Path.of(args[3]).toAbsolutePath();

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          // Loopback only: authentication is off, so the port must never face a network.
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(600))
          .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
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

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    // Parent gone (pipe closed) => stop, so no Java process outlives the benchmark.
    Thread watcher = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
          // only end-of-stream matters
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
