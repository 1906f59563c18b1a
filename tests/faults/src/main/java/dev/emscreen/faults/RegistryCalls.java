package dev.emscreen.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The registry service's write calls, as an operator makes them. */
final class RegistryCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String token;

    RegistryCalls(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Uploads a bundle archive; returns its version record (version, bundleSha256...). */
    JsonNode upload(Path zip) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url + "/versions")).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(zip)));
    }

    JsonNode promote(String version) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url + "/versions/" + version + "/promote")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode rollback() throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url + "/versions/rollback")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("registry answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
