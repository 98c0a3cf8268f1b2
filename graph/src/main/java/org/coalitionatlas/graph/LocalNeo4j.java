package org.coalitionatlas.graph;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community embedded in this JVM with Bolt open, so neo4j-driver talks to it exactly as to a server.
 *
 * <pre>
 *   NEO4J_PASSWORD=... java -cp 'graph/target/classes:graph/target/lib/*' org.coalitionatlas.graph.LocalNeo4j \
 *       --data .data/neo4j [--port 7687] [--host 127.0.0.1] [--plugins graph/target/plugins]
 *       [--pagecache 512m] [--allowlist 'gds.*'] [--watch-stdin]
 * </pre>
 *
 * Protocol with the parent (src/lib/server/graph/local-neo4j.ts): stdout carries exactly one line,
 * {@code NEO4J READY bolt://host:port}, once the password is set and Bolt accepts connections; everything else
 * (Neo4j's user log, errors) goes to stderr. Exit codes: 2 usage, 3 port taken, 4 data dir locked, 1 other;
 * 143 after a clean shutdown on SIGTERM (the JVM's code for it).
 */
public final class LocalNeo4j {
    private static final String USER = "neo4j";

    public static void main(String[] args) {
        // Keep stdout for the READY line only: anything Neo4j or a library prints goes to stderr.
        PrintStream ready = System.out;
        System.setOut(System.err);

        Map<String, String> opts = parseArgs(args);
        String data = opts.get("data");
        String password = System.getenv("NEO4J_PASSWORD");
        if (data == null) fail(2, "--data <dir> is required");
        if (password == null || password.length() < 8) fail(2, "NEO4J_PASSWORD must be set (at least 8 characters)");
        String host = opts.getOrDefault("host", "127.0.0.1");
        int port = parsePort(opts.getOrDefault("port", "7687"));
        Path home = Path.of(data).toAbsolutePath();
        Path plugins = Path.of(opts.getOrDefault("plugins", defaultPluginsDir())).toAbsolutePath();
        long pageCache = parseBytes(opts.getOrDefault("pagecache", "512m"));
        List<String> allowlist = List.of(opts.getOrDefault("allowlist", "gds.*").split(","));

        // Fail fast with a clear message rather than a stack trace from deep inside Bolt's Netty bootstrap.
        checkPortFree(host, port);
        checkNotLocked(home);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home.resolve("logs"));
            seedInitialPassword(home, password);
            // neo4j.log (the "user log": start/stop, warnings) goes to the file and, via the parent, to the console.
            OutputStream userLog = new TeeStream(new FileOutputStream(home.resolve("logs/neo4j.log").toFile(), true), System.err);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(userLog, Level.INFO))
                    .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                    .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // GDS procedures touch kernel internals, so they must be unrestricted; the allowlist keeps
                    // anything else dropped into plugins/ from loading (built-in db.* / dbms.* are not affected).
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, allowlist)
                    // Modest: a dev laptop or CI runner also hosts Node, PGlite and a browser.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Bolt otherwise waits 5 s for idle connections and 5 s for its thread pool on shutdown:
                    // 10 s of every stop (tests, Ctrl-C) spent waiting for nothing on a local dev server.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .build();
        } catch (Throwable e) {
            if (hasCause(e, "FileLockException") || String.valueOf(e.getMessage()).contains("locked")) {
                fail(4, "data directory " + home + " is locked by another Neo4j process (" + rootMessage(e) + ")");
            }
            if (hasCause(e, "BindException") || hasCause(e, "PortBindException")) {
                fail(3, "port " + host + ":" + port + " is already in use (" + rootMessage(e) + ")");
            }
            e.printStackTrace();
            fail(1, "Neo4j failed to start: " + rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("LocalNeo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        long t1 = System.nanoTime();
        try {
            setPassword(dbms, password);
            awaitBolt(host, port);
        } catch (Throwable e) {
            e.printStackTrace();
            dbms.shutdown(); // fail() halts without running hooks; leave the store clean
            fail(1, "Neo4j started but could not be prepared: " + rootMessage(e));
        }

        System.err.printf("LocalNeo4j: DBMS started in %.1f s, auth ready after %.1f s more%n",
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        ready.println("NEO4J READY bolt://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + port);
        ready.flush();

        if (opts.containsKey("watch-stdin")) watchStdin();
        try {
            stopped.await(); // until SIGINT/SIGTERM runs the shutdown hook (or stdin closes, see watchStdin)
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A fresh DBMS has neo4j/neo4j with "change required"; ALTER USER on the system database (run here with the
     * embedded API, which bypasses auth) sets the wanted password on the first start and follows a changed
     * NEO4J_PASSWORD on later ones. On a cold JVM that one Cypher statement costs seconds of planning, so first
     * try a login through the AuthManager (a plain store lookup) and skip the ALTER when the password already works.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = auth.login(AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            if (login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS) return;
        } catch (Exception | LinkageError e) {
            System.err.println("LocalNeo4j: password pre-check unavailable (" + rootMessage(e) + "); setting it");
        }
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            System.err.println("LocalNeo4j: password of user '" + USER + "' set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            // Neo4j refuses "new password equals old": it is already what we want.
            if (!String.valueOf(rootMessage(e)).contains("cannot be the same")) throw e;
        }
    }

    /**
     * Before the very first start, write the initial user file (data/dbms/auth.ini) exactly as
     * `neo4j-admin dbms set-initial-password` does: the system database then creates user neo4j with our password
     * and no "change required", so setPassword() finds it working and no Cypher runs. This matters because the
     * test setup starts every run on a fresh store. Internal API (pinned 5.26): on any failure, setPassword()
     * still does it the slow way.
     */
    private static void seedInitialPassword(Path home, String password) {
        if (Files.exists(home.resolve("data/databases/system"))) return;
        try {
            Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
            Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            FileUserRepository users = new FileUserRepository(
                    new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            users.create(new User(USER, null, credential, false, false));
            users.shutdown();
        } catch (Exception | LinkageError e) {
            System.err.println("LocalNeo4j: could not seed the initial password (" + rootMessage(e) + ")");
        }
    }

    /** The launcher only says READY once a TCP connect to Bolt succeeds. */
    private static void awaitBolt(String host, int port) throws InterruptedException {
        String target = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("Bolt not reachable on " + target + ":" + port, e);
                Thread.sleep(100);
            }
        }
    }

    /** With --watch-stdin the parent keeps a pipe open; EOF means it died (even by SIGKILL), so stop cleanly. */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) { /* ignore input */ }
            } catch (IOException ignored) {
                // treat like EOF
            }
            System.err.println("LocalNeo4j: parent went away (stdin closed)");
            System.exit(0); // runs the shutdown hook
        }, "stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void checkPortFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            fail(3, "port " + host + ":" + port + " is already in use (" + e.getMessage() + ")");
        } catch (IOException e) {
            fail(3, "cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /**
     * Neo4j holds an OS file lock on data/databases/store_lock while running; probing it here reports a second
     * launcher on the same --data in milliseconds instead of after half a minute of startup.
     */
    private static void checkNotLocked(Path home) {
        Path lockFile = home.resolve("data/databases/store_lock");
        if (!Files.exists(lockFile)) return;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) fail(4, "data directory " + home + " is locked by another Neo4j process (" + lockFile + ")");
            lock.release();
        } catch (OverlappingFileLockException e) {
            fail(4, "data directory " + home + " is locked by this process");
        } catch (IOException e) {
            // Unreadable lock file: let Neo4j itself report whatever is wrong.
        }
    }

    /** graph/target/plugins, next to graph/target/classes where this class is loaded from. */
    private static String defaultPluginsDir() {
        try {
            Path classes = Path.of(LocalNeo4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("plugins").toString();
        } catch (Exception e) {
            return "graph/target/plugins";
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) fail(2, "unexpected argument: " + a);
            String key = a.substring(2);
            if (key.equals("watch-stdin")) {
                out.put(key, "true");
            } else if (List.of("data", "port", "host", "plugins", "pagecache", "allowlist").contains(key) && i + 1 < args.length) {
                out.put(key, args[++i]);
            } else {
                fail(2, "unknown option or missing value: " + a);
            }
        }
        return out;
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p > 0 && p < 65536) return p;
        } catch (NumberFormatException ignored) {
            // fall through
        }
        fail(2, "invalid --port: " + s);
        return -1;
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = v.endsWith("g") ? 1L << 30 : v.endsWith("m") ? 1L << 20 : v.endsWith("k") ? 1L << 10 : 1;
        try {
            return Long.parseLong(mult == 1 ? v : v.substring(0, v.length() - 1)) * mult;
        } catch (NumberFormatException e) {
            fail(2, "invalid size: " + s);
            return -1;
        }
    }

    private static boolean hasCause(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(int code, String message) {
        System.err.println("LocalNeo4j: " + message);
        System.err.flush();
        // halt, not exit: a half-started DBMS may hold non-daemon threads, and the hook would block on it.
        Runtime.getRuntime().halt(code);
    }

    /** Writes to two streams (log file + stderr). */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override public void write(int c) throws IOException { a.write(c); b.write(c); }
        @Override public void write(byte[] buf, int off, int len) throws IOException { a.write(buf, off, len); b.write(buf, off, len); }
        @Override public void flush() throws IOException { a.flush(); b.flush(); }
    }
}
