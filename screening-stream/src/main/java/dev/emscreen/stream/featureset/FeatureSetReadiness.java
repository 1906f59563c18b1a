package dev.emscreen.stream.featureset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a feature set serves: a stream without one would only buffer. */
@Readiness
@ApplicationScoped
public class FeatureSetReadiness implements HealthCheck {

    @Inject
    ActiveFeatureSet active;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("feature-set");
        return active.current()
                .map(set -> response.up().withData("version", set.version()).withData("encoder", set.encoder().id())
                        .withData("sae", set.saeId()).withData("encoderDevice", set.encoderDevice())
                        .withData("saeDevice", set.saeDevice()))
                .orElseGet(() -> response.down().withData("reason", active.lastRefusal()
                        .orElse("no feature set loaded yet: set emscreen.feature-set.path or promote a version in the registry")))
                .build();
    }
}
