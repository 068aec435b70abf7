package org.disclosure.extractor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page's server on a shared machine: names that try to climb out, oversized uploads, too many files, zips
 * with hostile entries, another browser's batch, a request from another site or another host name — each answered
 * with a clear message, and nothing written outside --data.
 */
class ServeLimitsTest {

    @TempDir
    Path tmp;

    Path data;
    WebServer server;
    HttpClient http = HttpClient.newHttpClient();
    String session;

    @BeforeEach
    void start() throws IOException {
        data = tmp.resolve("data");
        Batch.Options options = new Batch.Options(1, Duration.ofSeconds(60), 10L << 20, "full", false, false, "512m",
                Progress.Mode.NONE, 0, List.of());
        server = new WebServer("127.0.0.1", 0, data, new UploadLimits(1 << 20, 20, 3L << 20), options,
                new PrintStream(new ByteArrayOutputStream()));
        server.start();
        session = cookie(send(get("/")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static String cookie(HttpResponse<?> r) {
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private HttpResponse<String> post(String path, byte[] body, String cookie) throws IOException {
        return send(request(path).header("Cookie", cookie).header(WebServer.CHANGE_HEADER, "test")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private String newBatch() throws IOException {
        HttpResponse<String> r = post("/api/batches", new byte[0], session);
        assertThat(r.statusCode()).isEqualTo(201);
        return BatchStore.JSON.readTree(r.body()).path("id").asText();
    }

    private HttpResponse<String> upload(String batch, String name, byte[] body) throws IOException {
        return post("/api/batches/" + batch + "/files?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), body, session);
    }

    private static String error(HttpResponse<String> r) throws IOException {
        return BatchStore.JSON.readTree(r.body()).path("error").asText();
    }

    /** Every regular file under the temporary folder: all must be inside --data. */
    private List<Path> filesOutsideData() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(data)).toList();
        }
    }

    @Test
    void aNameThatClimbsOutIsStoredAsItsLastPartInsideTheBatch() throws IOException {
        String b = newBatch();
        for (String name : List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "..", "a/../../b.pdf")) {
            HttpResponse<String> r = upload(b, name, "x".getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(name).isEqualTo(201);
        }
        JsonNode meta = BatchStore.meta(data.resolve("batches").resolve(b));
        assertThat(meta.path("files").findValuesAsText("name")).containsExactly("passwd", "win.ini", "shadow", "file", "b.pdf");
        assertThat(filesOutsideData()).isEmpty();
        try (Stream<Path> walk = Files.walk(data)) {
            assertThat(walk.filter(Files::isRegularFile)
                    .allMatch(p -> p.startsWith(data.resolve("batches").resolve(b)))).isTrue();
        }
    }

    @Test
    void anOversizedUploadIsRefusedWithItsLimitAndNothingOfItIsKept() throws IOException {
        String b = newBatch();
        HttpResponse<String> r = upload(b, "big.pdf", new byte[(1 << 20) + 1]);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r)).isEqualTo("big.pdf: 1.0 MB is more than the 1.0 MB a file may have");
        assertThat(BatchStore.meta(data.resolve("batches").resolve(b)).path("files")).isEmpty();
        try (Stream<Path> walk = Files.walk(data.resolve("batches").resolve(b).resolve("input"))) {
            assertThat(walk.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void aThousandTinyFilesStopAtTheBatchsLimitWithAMessage() throws IOException {
        String b = newBatch();
        int stored = 0;
        String refusal = null;
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> r = upload(b, "f" + i + ".txt", ("报告 " + i).getBytes(StandardCharsets.UTF_8));
            if (r.statusCode() == 201) {
                stored++;
            } else {
                assertThat(r.statusCode()).isEqualTo(413);
                refusal = error(r);
            }
        }
        assertThat(stored).isEqualTo(20);
        assertThat(refusal).isEqualTo("f999.txt: a batch holds at most 20 files; start another batch for the rest");
    }

    @Test
    void aZipWhoseEntryClimbsOutIsAbsoluteOrALinkIsRefusedWhole() throws IOException {
        String b = newBatch();
        HttpResponse<String> climbing = upload(b, "evil.zip", zip(List.of("ok.txt", "../../outside.txt"), null));
        assertThat(climbing.statusCode()).isEqualTo(400);
        assertThat(error(climbing)).isEqualTo("evil.zip: the entry ../../outside.txt would be written outside the folder "
                + "it is unpacked in; the zip is refused");
        HttpResponse<String> absolute = upload(b, "abs.zip", zip(List.of("/tmp/abs.txt"), null));
        assertThat(absolute.statusCode()).isEqualTo(400);
        HttpResponse<String> link = upload(b, "link.zip", zip(List.of("ok.txt"), "secret"));
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(error(link)).isEqualTo("link.zip: the entry secret is a link; a zip with links is refused");
        assertThat(BatchStore.meta(data.resolve("batches").resolve(b)).path("files")).isEmpty();
        assertThat(filesOutsideData()).isEmpty();

        HttpResponse<String> good = upload(b, "reports.zip", zip(List.of("a/甲.txt", "b/乙.txt"), null));
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(BatchStore.JSON.readTree(good.body()).path("stored").toString()).isEqualTo("[\"甲.txt\",\"乙.txt\"]");
        assertThat(BatchStore.meta(data.resolve("batches").resolve(b)).path("files").findValuesAsText("name"))
                .containsExactly("甲.txt", "乙.txt");
    }

    /** A zip of small text entries, and a link entry (to /etc/passwd) when {@code link} is given. */
    private static byte[] zip(List<String> names, String link) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(bytes)) {
            for (String n : names) {
                z.putArchiveEntry(new ZipArchiveEntry(n));
                z.write("2019年部门预算".getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
            if (link != null) {
                ZipArchiveEntry e = new ZipArchiveEntry(link);
                e.setUnixMode(UnixStat.LINK_FLAG | 0777);
                z.putArchiveEntry(e);
                z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aBatchIsInvisibleToAnotherBrowserSession() throws IOException {
        String b = newBatch();
        String other = cookie(send(get("/")));
        assertThat(other).isNotEqualTo(session);
        HttpResponse<String> r = send(request("/api/batches/" + b).header("Cookie", other).GET().build());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(send(request("/api/batches").header("Cookie", other).GET().build()).body()).isEqualTo("[]");
        HttpResponse<String> delete = send(request("/api/batches/" + b).header("Cookie", other)
                .header(WebServer.CHANGE_HEADER, "x").DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(data.resolve("batches").resolve(b)).isDirectory();
    }

    @Test
    void aChangeWithoutThePagesHeaderOrToAnotherHostNameIsRefused() throws IOException {
        HttpResponse<String> forged = send(request("/api/batches").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(error(forged)).isEqualTo("a request that changes something must come from the page itself");
        // the JDK client will not set Host itself; a raw request shows what a rebound DNS name would send
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /api/batches HTTP/1.1\r\nHost: attacker.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 421").contains("this server answers only requests addressed to");
        }
    }

    @Test
    void aBatchIsRemovedWithItsFiles() throws IOException {
        String b = newBatch();
        upload(b, "a.txt", "x".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(request("/api/batches/" + b).header("Cookie", session)
                .header(WebServer.CHANGE_HEADER, "x").DELETE().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(data.resolve("batches").resolve(b)).doesNotExist();
    }
}
