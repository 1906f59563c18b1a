package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The registry service's REST API, as the trainer uses it: upload, read the active set, diff, promote, download. */
final class RegistryClient {

    /** The registry answered with an error; the message carries its status and reason. */
    static final class RegistryException extends IOException {
        final int status;

        RegistryException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    RegistryClient(String baseUrl, String token) {
        this.base = URI.create(baseUrl.replaceAll("/+$", "") + "/");
        this.token = token;
    }

    /** Registers a bundle archive as a CANDIDATE; returns its version record. */
    JsonNode upload(Path archive) throws IOException {
        return json(send(request("versions").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(archive)), "upload " + archive.getFileName()));
    }

    Optional<JsonNode> active() throws IOException {
        try {
            return Optional.of(json(send(request("versions/active").GET(), "read the active version")));
        } catch (RegistryException e) {
            if (e.status == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JsonNode diff(String from, String to) throws IOException {
        return json(send(request("versions/diff?from=" + encode(from) + "&to=" + encode(to)).GET(), "diff"));
    }

    JsonNode promote(String version) throws IOException {
        return json(send(request("versions/" + encode(version) + "/promote").POST(HttpRequest.BodyPublishers.noBody()),
                "promote " + version));
    }

    /** Downloads an artifact by its sha256 (the registry checks it on the way in; the loader checks it again). */
    Path download(String sha256, Path to) throws IOException {
        HttpResponse<Path> response = call(request("artifacts/" + encode(sha256)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (response.statusCode() != 200) {
            throw new RegistryException(response.statusCode(), "download of artifact " + sha256 + " failed: HTTP "
                    + response.statusCode());
        }
        return to;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private String send(HttpRequest.Builder request, String what) throws IOException {
        HttpResponse<String> response = call(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new RegistryException(response.statusCode(), "registry refused to " + what + ": HTTP "
                    + response.statusCode() + " " + reason(response.body()));
        }
        return response.body();
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the registry at " + base + " (is ./emscreen registry running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the registry", e);
        }
    }

    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error != null ? error.asText() : body;
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
