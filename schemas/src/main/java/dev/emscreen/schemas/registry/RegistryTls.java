package dev.emscreen.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS settings for the registry connection, under Confluent's {@code schema.registry.ssl.*} keys.
 * With no trust store set, the JVM's default trust applies.
 */
public record RegistryTls(Optional<Store> trustStore, Optional<Store> keyStore, String keyPassword) {

    public static final String PREFIX = "schema.registry.ssl.";

    /** A key or trust store file. */
    public record Store(Path location, String password, String type) {
    }

    public static RegistryTls from(Map<String, ?> configs) {
        Optional<Store> trust = store(configs, "truststore");
        Optional<Store> key = store(configs, "keystore");
        Object keyPassword = configs.get(PREFIX + "key.password");
        return new RegistryTls(trust, key, keyPassword == null ? key.map(Store::password).orElse(null) : keyPassword.toString());
    }

    public boolean isCustom() {
        return trustStore.isPresent() || keyStore.isPresent();
    }

    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = null;
            if (trustStore.isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore.get()));
            }
            KeyManagerFactory kmf = null;
            if (keyStore.isPresent()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore.get()), keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the schema registry: " + e.getMessage());
        }
    }

    private static KeyStore load(Store store) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(store.location())) {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
            return keyStore;
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + store.type() + " store " + store.location() + ": " + e.getMessage());
        }
    }

    private static Optional<Store> store(Map<String, ?> configs, String which) {
        Object location = configs.get(PREFIX + which + ".location");
        if (location == null || location.toString().isBlank()) {
            return Optional.empty();
        }
        Object password = configs.get(PREFIX + which + ".password");
        Object type = configs.get(PREFIX + which + ".type");
        return Optional.of(new Store(Path.of(location.toString()), password == null ? null : password.toString(),
                type == null ? "PKCS12" : type.toString()));
    }
}
