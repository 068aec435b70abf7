package org.disclosure.extractor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.extract.FieldDictionary;

/**
 * The web page's server: the JDK's own HTTP server (no framework, nothing fetched at run time) serving the page
 * from the jar and a small JSON API over {@link BatchStore}, {@link Uploads}, {@link BatchRunner} and the run's
 * outputs. Safe on a shared machine: it answers only requests addressed to the host it was bound to (no DNS
 * rebinding), a browser session sees only its own batches, every change needs a header no other site can send,
 * and a failure is a one-line message, never a stack trace.
 */
public final class WebServer implements AutoCloseable {

    /** The header every request that changes something must carry (a cross-site form or image cannot set it). */
    static final String CHANGE_HEADER = "X-Requested-With";
    private static final String COOKIE = "dx_session";
    private static final Pattern BATCH = Pattern.compile("^/api/batches/([A-Za-z0-9_-]{22})(/.*)?$");

    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "http");
        t.setDaemon(true);
        return t;
    });
    private final BatchStore store;
    private final Uploads uploads;
    private final BatchRunner runner;
    private final Results results;
    private final PrintStream log;
    private final String host;

    public WebServer(String host, int port, Path data, UploadLimits limits, Batch.Options options, PrintStream log) throws IOException {
        this.store = new BatchStore(data);
        this.uploads = new Uploads(limits);
        this.runner = new BatchRunner(options, log);
        this.results = new Results();
        this.log = log;
        this.host = host;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        runner.resumeUnfinished(store.all());
    }

    public void start() {
        http.start();
    }

    /** The port it listens on (the one asked for, or the one chosen for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        runner.close();
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            try {
                route(x);
            } catch (Uploads.Refused e) {
                drain(x);
                error(x, e.status, e.getMessage());
            } catch (RuntimeException | IOException e) {
                log.println("serve: " + x.getRequestMethod() + " " + x.getRequestURI().getPath() + ": " + e);
                error(x, 500, "the server could not do this (" + e.getClass().getSimpleName() + "); the server's log says more");
            }
        }
    }

    private void route(HttpExchange x) throws IOException {
        headers(x);
        if (!addressedToUs(x)) {
            error(x, 421, "this server answers only requests addressed to " + url());
            return;
        }
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        String session = session(x);
        if (!method.equals("GET") && !method.equals("HEAD") && x.getRequestHeaders().getFirst(CHANGE_HEADER) == null) {
            error(x, 403, "a request that changes something must come from the page itself");
            return;
        }
        if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
            asset(x, "index.html", "text/html; charset=utf-8");
            return;
        }
        if (method.equals("GET") && path.matches("/static/[a-z]+\\.(js|css)")) {
            String name = path.substring("/static/".length());
            asset(x, name, name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
            return;
        }
        if (method.equals("GET") && path.equals("/api/fields")) {
            ObjectNode n = BatchStore.JSON.createObjectNode();
            for (FieldDictionary.Field f : FieldDictionary.fields()) {
                n.putObject(f.key()).put("zh", f.zh()).put("type", f.type());
            }
            json(x, 200, n);
            return;
        }
        if (path.equals("/api/batches")) {
            if (method.equals("GET")) {
                ArrayNode list = BatchStore.JSON.createArrayNode();
                for (String id : store.ofSession(session)) {
                    store.owned(id, session).ifPresent(dir -> list.add(status(dir)));
                }
                json(x, 200, list);
            } else if (method.equals("POST")) {
                ObjectNode n = BatchStore.JSON.createObjectNode();
                n.put("id", store.create(session));
                json(x, 201, n);
            } else {
                error(x, 405, method + " is not answered here");
            }
            return;
        }
        Matcher m = BATCH.matcher(path);
        if (!m.matches()) {
            error(x, 404, "no such page: " + path);
            return;
        }
        Optional<Path> owned = store.owned(m.group(1), session);
        if (owned.isEmpty()) {
            drain(x);
            error(x, 404, "no such batch (it was removed, or it was made in another browser session)");
            return;
        }
        batchRoute(x, method, m.group(2) == null ? "" : m.group(2), owned.get());
    }

    private void batchRoute(HttpExchange x, String method, String rest, Path dir) throws IOException {
        Matcher page = Pattern.compile("^/files/(\\d{1,6})/pages/(\\d{1,5})\\.png$").matcher(rest);
        Matcher report = Pattern.compile("^/reports/(\\d{1,7})$").matcher(rest);
        Matcher download = Pattern.compile("^/download/(records\\.jsonl|records\\.csv|records\\.xlsx|errors\\.jsonl)$").matcher(rest);
        if (rest.isEmpty() && method.equals("GET")) {
            json(x, 200, status(dir));
        } else if (rest.isEmpty() && method.equals("DELETE")) {
            runner.cancel(dir);
            store.delete(dir);
            json(x, 200, BatchStore.JSON.createObjectNode().put("removed", true));
        } else if (rest.equals("/files") && method.equals("POST")) {
            String name = query(x, "name");
            long size = length(x);
            List<String> stored = uploads.add(dir, name, size, x.getRequestBody());
            ObjectNode n = BatchStore.JSON.createObjectNode();
            stored.forEach(n.putArray("stored")::add);
            json(x, 201, n);
        } else if (rest.equals("/start") && method.equals("POST")) {
            if (BatchStore.meta(dir).path("files").isEmpty()) {
                error(x, 400, "the batch holds no files yet; add reports first");
                return;
            }
            runner.start(dir);
            json(x, 202, status(dir));
        } else if (rest.equals("/reports") && method.equals("GET")) {
            json(x, 200, results.rows(dir));
        } else if (report.matches() && method.equals("GET")) {
            Optional<JsonNode> r = results.record(dir, Integer.parseInt(report.group(1)));
            if (r.isEmpty()) {
                error(x, 404, "no such report in this batch");
            } else {
                json(x, 200, r.get());
            }
        } else if (page.matches() && method.equals("GET")) {
            Optional<byte[]> png;
            try {
                png = results.pageImage(dir, Integer.parseInt(page.group(1)), Integer.parseInt(page.group(2)));
            } catch (IllegalArgumentException e) {
                error(x, 404, e.getMessage());
                return;
            } catch (IOException e) {
                error(x, 422, e.getMessage());
                return;
            }
            if (png.isEmpty()) {
                error(x, 404, "no such page: file " + page.group(1) + " is not a PDF of this batch");
            } else {
                x.getResponseHeaders().set("Cache-Control", "private, max-age=86400");
                send(x, 200, "image/png", png.get());
            }
        } else if (download.matches() && method.equals("GET")) {
            Path file = dir.resolve("out").resolve(download.group(1));
            if (!Files.isRegularFile(file)) {
                error(x, 404, download.group(1) + " is not there yet: it is written when the batch has run");
                return;
            }
            x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + download.group(1) + "\"");
            String type = download.group(1).endsWith(".csv") ? "text/csv; charset=utf-8"
                    : download.group(1).endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "application/x-ndjson; charset=utf-8";
            x.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = x.getResponseBody()) {
                Files.copy(file, out);
            }
        } else {
            drain(x);
            error(x, 404, "no such page");
        }
    }

    /** A batch's state for the page: what it holds, how far its run is, and the limits' and run's messages. */
    private ObjectNode status(Path dir) {
        try {
            JsonNode meta = BatchStore.meta(dir);
            ObjectNode n = BatchStore.JSON.createObjectNode();
            n.put("id", meta.path("id").asText());
            n.put("created", meta.path("created").asLong());
            n.put("state", meta.path("state").asText("open"));
            n.put("files", meta.path("files").size());
            n.put("finished", BatchRunner.finished(dir));
            if (meta.has("message")) {
                n.put("message", meta.path("message").asText());
            }
            ArrayNode names = n.putArray("names");
            meta.path("files").forEach(f -> names.add(f.path("name").asText()));
            return n;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Only requests whose Host names this server: a page elsewhere cannot reach it through a rebound DNS name. */
    private boolean addressedToUs(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Host");
        if (h == null) {
            return false;
        }
        InetAddress bound = http.getAddress().getAddress();
        if (!bound.isLoopbackAddress()) {
            return true; // bound to a real interface on purpose (--host): its names are the operator's to choose
        }
        String name = h.replaceAll(":\\d+$", "").toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]") || name.equals(host);
    }

    /** The browser session's token from its cookie; a new one (set on the answer) when it has none. */
    private static String session(HttpExchange x) {
        List<String> cookies = x.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String c : header.split(";")) {
                String[] kv = c.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && BatchStore.wellFormed(kv[1])) {
                    return kv[1];
                }
            }
        }
        String token = BatchStore.token();
        x.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000");
        return token;
    }

    private static void headers(HttpExchange x) {
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("X-Frame-Options", "DENY");
        x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    }

    private static String query(HttpExchange x, String key) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String p : q.split("&")) {
            String[] kv = p.split("=", 2);
            if (kv[0].equals(key)) {
                return kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    private static long length(HttpExchange x) {
        String l = x.getRequestHeaders().getFirst("Content-Length");
        try {
            return l == null ? -1 : Long.parseLong(l.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void asset(HttpExchange x, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/serve/" + name)) {
            if (in == null) {
                error(x, 404, "no such file: " + name);
                return;
            }
            send(x, 200, type, in.readAllBytes());
        }
    }

    private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
        send(x, status, "application/json; charset=utf-8", BatchStore.JSON.writeValueAsBytes(body));
    }

    static void error(HttpExchange x, int status, String message) throws IOException {
        ObjectNode n = BatchStore.JSON.createObjectNode();
        n.put("error", message);
        json(x, status, n);
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        if (x.getRequestMethod().equals("HEAD")) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** Reads what is left of a refused request's body (up to a limit), so the browser gets the answer, not a reset. */
    private static void drain(HttpExchange x) {
        try (InputStream in = x.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            long left = 16L * 1024 * 1024;
            for (int n; left > 0 && (n = in.read(buf)) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the answer is sent all the same
        }
    }
}
