package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.InvalidSpecException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the EC2 client from the plugin's environment, in the SDK's usual order but reading the variables the
 * plugin is given rather than the process's: region (INFRAKIT_AWS_REGION, AWS_REGION, the profile, instance
 * metadata), endpoint, and credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN], then the
 * profile AWS_PROFILE (default {@code default}) of AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE (defaults
 * {@code ~/.aws/credentials} and {@code ~/.aws/config}), then ECS container credentials, then the instance profile
 * (unless AWS_EC2_METADATA_DISABLED=true). Retries are the SDK's standard mode: throttling
 * (RequestLimitExceeded) and transient errors are retried with backoff.
 */
public final class Ec2Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private Ec2Clients() {
    }

    /** Throws IllegalStateException when no region is set anywhere. */
    public static Ec2Client build(AwsSettings settings) {
        return build(settings, Ec2Target.PLUGIN);
    }

    /**
     * The client for a spec's overrides: its Region, else its Profile's region, else the plugin's; its Endpoint,
     * else the plugin's; with a Profile, that profile's credentials only (a spec naming a profile means it, not
     * whatever the plugin's environment holds).
     */
    static Ec2Client build(AwsSettings settings, Ec2Target target) {
        Map<String, String> env = settings.environment();
        ProfileFile profiles = profileFile(env);
        String profile = target.profile().orElse(env.getOrDefault("AWS_PROFILE", "default"));
        AwsCredentialsProvider credentials = target.profile().isPresent()
                ? ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build()
                : credentials(env, profiles, profile);
        Region region = target.region().map(Region::of)
                .or(() -> target.profile().flatMap(named -> profileRegion(profiles, named)))
                .orElseGet(() -> region(settings, env, profiles, profile));
        var builder = Ec2Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(override -> override
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFile(profiles)
                        .defaultProfileName(profile))
                .credentialsProvider(credentials)
                .region(region);
        target.endpoint().or(settings::endpoint).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A spec's Profile must be in the plugin's profile files; refused as the spec's error otherwise. */
    static void checkProfile(AwsSettings settings, String profile) {
        if (profileFile(settings.environment()).profile(profile).isEmpty()) {
            throw new InvalidSpecException("aws instance property Profile names no profile \"" + profile
                    + "\" in AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE");
        }
    }

    private static Optional<Region> profileRegion(ProfileFile profiles, String profile) {
        try {
            return Optional.of(new AwsProfileRegionProvider(() -> profiles, profile).getRegion());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Region region(AwsSettings settings, Map<String, String> env, ProfileFile profiles,
                                 String profile) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        List<AwsRegionProvider> chain = new ArrayList<>();
        chain.add(new AwsProfileRegionProvider(() -> profiles, profile));
        if (!metadataDisabled(env)) {
            chain.add(new InstanceProfileRegionProvider());
        }
        try {
            return new AwsRegionProviderChain(chain.toArray(AwsRegionProvider[]::new))
                    .getRegion();
        } catch (RuntimeException e) {
            throw new IllegalStateException("no AWS region: set " + AwsSettings.REGION
                    + " or AWS_REGION, or region in the profile '" + profile + "'", e);
        }
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env, ProfileFile profiles,
                                                      String profile) {
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID")).ifPresent(key -> {
            String secret = env.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
            String token = env.get("AWS_SESSION_TOKEN");
            chain.add(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token)));
        });
        chain.add(ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build());
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            chain.add(ContainerCredentialsProvider.builder().build());
        }
        if (!metadataDisabled(env)) {
            chain.add(InstanceProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build());
        }
        return AwsCredentialsProviderChain.builder().credentialsProviders(chain).reuseLastProviderEnabled(true).build();
    }

    private static ProfileFile profileFile(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        Path credentials = Path.of(env.getOrDefault("AWS_SHARED_CREDENTIALS_FILE",
                home.resolve(".aws").resolve("credentials").toString()));
        Path config = Path.of(env.getOrDefault("AWS_CONFIG_FILE", home.resolve(".aws").resolve("config").toString()));
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (Files.isReadable(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (Files.isReadable(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return files.build();
    }

    private static boolean metadataDisabled(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("AWS_EC2_METADATA_DISABLED", "false"));
    }
}
