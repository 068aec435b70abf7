package org.disclosure.extractor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The batches kept under the server's data folder, one folder each: {@code batches/<id>/input/<n>/<name>} holds the
 * uploaded files, {@code out/} the extract run's outputs, {@code batch.json} who owns it and what it holds.
 * A batch id is 128 random bits; a batch belongs to the browser session that made it (only a digest of the session's
 * token is kept) and is invisible to every other. Nothing is ever written outside the data folder: every path is
 * built from an id checked against its alphabet and a number, never from a name the browser sent.
 */
final class BatchStore {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    BatchStore(Path data) throws IOException {
        this.root = data.resolve("batches").toAbsolutePath().normalize();
        Files.createDirectories(root);
    }

    /** A new unguessable token (a batch id or a session token): 128 random bits, URL-safe. */
    static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static boolean wellFormed(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{22}");
    }

    static String digest(String session) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(session.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes an empty batch owned by the session. */
    String create(String session) throws IOException {
        String id = token();
        Path dir = root.resolve(id);
        Files.createDirectories(dir.resolve("input"));
        ObjectNode meta = JSON.createObjectNode();
        meta.put("id", id);
        meta.put("owner", digest(session));
        meta.put("created", System.currentTimeMillis());
        meta.putArray("files");
        writeMeta(dir, meta);
        return id;
    }

    /** The batch's folder, when the id names a batch of this session; empty for any other (as if it did not exist). */
    Optional<Path> owned(String id, String session) throws IOException {
        if (!wellFormed(id) || session == null) {
            return Optional.empty();
        }
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(dir.resolve("batch.json"))) {
            return Optional.empty();
        }
        JsonNode meta = meta(dir);
        return MessageDigest.isEqual(meta.path("owner").asText().getBytes(StandardCharsets.UTF_8),
                digest(session).getBytes(StandardCharsets.UTF_8)) ? Optional.of(dir) : Optional.empty();
    }

    /** The ids of the session's batches, newest first. */
    List<String> ofSession(String session) throws IOException {
        List<JsonNode> metas = new ArrayList<>();
        String owner = digest(session);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                if (wellFormed(d.getFileName().toString()) && Files.isRegularFile(d.resolve("batch.json"))) {
                    JsonNode m = meta(d);
                    if (m.path("owner").asText().equals(owner)) {
                        metas.add(m);
                    }
                }
            }
        }
        return metas.stream().sorted(Comparator.comparingLong((JsonNode m) -> m.path("created").asLong()).reversed())
                .map(m -> m.path("id").asText()).toList();
    }

    /** Every batch's folder. */
    List<Path> all() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> wellFormed(d.getFileName().toString()) && Files.isRegularFile(d.resolve("batch.json")))
                    .toList();
        }
    }

    static JsonNode meta(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("batch.json").toFile());
    }

    static synchronized void writeMeta(Path dir, JsonNode meta) throws IOException {
        Path tmp = dir.resolve("batch.json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(meta), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("batch.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a batch and everything in it. */
    void delete(Path dir) throws IOException {
        if (!dir.toAbsolutePath().normalize().startsWith(root)) {
            throw new IllegalArgumentException(dir + " is not a batch folder");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
