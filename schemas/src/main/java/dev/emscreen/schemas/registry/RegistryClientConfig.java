package dev.emscreen.schemas.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a schema registry, read from the same keys Confluent's serdes use, so existing
 * client configurations work unchanged.
 */
public record RegistryClientConfig(List<URI> urls, Optional<String> basicAuthHeader, RegistryTls tls) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String USER_INFO_PREFIXED = "schema.registry.basic.auth.user.info";

    public static RegistryClientConfig from(Map<String, ?> configs) {
        Object raw = configs.get(URL);
        if (raw == null || raw.toString().isBlank()) {
            throw new ConfigException(URL + " is required: a registry address such as http://localhost:8081, "
                    + "or mock://<scope> for the in-memory registry");
        }
        List<URI> urls = Arrays.stream(raw.toString().split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(RegistryClientConfig::parseUrl).toList();
        return new RegistryClientConfig(urls, basicAuth(configs, urls), RegistryTls.from(configs));
    }

    public boolean isMock() {
        return urls.get(0).getScheme().equals("mock");
    }

    /** The scope of a {@code mock://scope} URL. */
    public String mockScope() {
        URI url = urls.get(0);
        return url.getAuthority() != null ? url.getAuthority() : url.getSchemeSpecificPart().replaceFirst("^//", "");
    }

    private static URI parseUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(URL, text, "not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !List.of("http", "https", "mock").contains(uri.getScheme())) {
            throw new ConfigException(URL, text, "expected an http://, https:// or mock:// URL");
        }
        return uri;
    }

    private static Optional<String> basicAuth(Map<String, ?> configs, List<URI> urls) {
        Object configured = configs.get(CREDENTIALS_SOURCE);
        String source = configured == null ? "URL" : configured.toString();
        String userInfo = switch (source) {
            case "USER_INFO" -> {
                Object value = configs.get(USER_INFO) != null ? configs.get(USER_INFO) : configs.get(USER_INFO_PREFIXED);
                if (value == null || !value.toString().contains(":")) {
                    throw new ConfigException(USER_INFO, value == null ? null : "(hidden)",
                            "USER_INFO credentials need basic.auth.user.info=<user>:<password>");
                }
                yield value.toString();
            }
            case "URL" -> urls.get(0).getUserInfo();
            default -> throw new ConfigException(CREDENTIALS_SOURCE, source, "expected USER_INFO or URL");
        };
        return Optional.ofNullable(userInfo).map(info ->
                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    }
}
