package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.Any;
import io.infrakit.spi.InputExample;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Vendor;
import io.infrakit.spi.VendorInfo;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * InfraKit's {@code aws/ec2-instance}: one EC2 instance per provision. Its tags (the properties' Tags, overridden
 * by the spec's, overridden by the namespace) are set by RunInstances itself (TagSpecifications), so no instance is
 * ever untagged; the spec's Init is the user data (base64), its LogicalID the private IP. Describe asks EC2 for
 * pending and running instances carrying every tag asked for and the namespace, page by page. EC2 has no push:
 * a group sees a dead instance at its next poll.
 *
 * <p>A spec may override the plugin's region, endpoint and profile ({@link Ec2Target}). Describe is given tags, not
 * a spec, so the plugin asks every target of the specs it validated or provisioned since it started (a group's
 * spec is validated at each commit, a manager's restart included), or only its own when it knows none; destroy and
 * label look for the instance where it was last seen, then in the other targets.
 */
public final class AwsInstancePlugin implements InstancePlugin, InputExample, Vendor, AutoCloseable {

    /** An instance and the target it was found in. */
    private record Found(Instance instance, Ec2Target target) {
    }

    private final String name;
    private final Function<Ec2Target, Ec2Client> connect;
    private final AwsSettings settings;
    private final Map<Ec2Target, Ec2Client> clients = new HashMap<>();
    private final Set<Ec2Target> targets = new LinkedHashSet<>();
    private final Map<InstanceId, Ec2Target> located = new ConcurrentHashMap<>();

    /** A plugin on this client for its own settings; a spec's overrides get clients built from the settings. */
    public AwsInstancePlugin(String name, Ec2Client ec2, AwsSettings settings) {
        this(name, target -> target.equals(Ec2Target.PLUGIN) ? ec2 : Ec2Clients.build(settings, target), settings);
    }

    /**
     * A plugin whose clients are built at their first call, so that a plugin without a region (or off EC2, where
     * finding it asks the instance metadata) does not stop the process hosting it from starting.
     */
    public static AwsInstancePlugin connectingOnFirstCall(String name, AwsSettings settings) {
        return new AwsInstancePlugin(name, target -> Ec2Clients.build(settings, target), settings);
    }

    /** {@code connect} builds the client of a target; it is asked once per distinct target. */
    AwsInstancePlugin(String name, Function<Ec2Target, Ec2Client> connect, AwsSettings settings) {
        this.name = name;
        this.connect = connect;
        this.settings = settings;
    }

    @Override
    public void validate(Any properties) {
        remember(parse(properties).target());
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        AwsProperties properties = parse(spec.properties());
        Ec2Target target = remember(properties.target());
        Map<String, String> tags = new LinkedHashMap<>(properties.tags());
        tags.putAll(spec.tags());
        tags.putAll(settings.namespace());
        RunInstancesRequest.Builder request = properties.request().toBuilder().minCount(1).maxCount(1)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(ec2Tags(tags)).build());
        spec.logicalIdIfAny().ifPresent(logicalId -> request.privateIpAddress(logicalId.value()));
        String userData = spec.init().isEmpty() ? properties.request().userData() : spec.init();
        if (userData != null && !userData.isEmpty()) {
            request.userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)));
        }
        Ec2Client ec2 = client(target, "provision");
        InstanceId id = call("provision", () -> InstanceId.of(ec2.runInstances(request.build()).instances().get(0)
                .instanceId()));
        located.put(id, target);
        return id;
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        Found found = destroyable(id, "label");
        Map<String, String> tags = new LinkedHashMap<>(labels);
        tags.keySet().removeIf(key -> key.startsWith("aws:"));
        settings.namespace().keySet().forEach(tags::remove);
        if (!tags.isEmpty()) {
            Ec2Client ec2 = client(found.target(), "label");
            call("label", () -> ec2.createTags(create -> create.resources(found.instance().instanceId())
                    .tags(ec2Tags(tags))));
        }
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        Found found = destroyable(id, "destroy");
        Ec2Client ec2 = client(found.target(), "destroy");
        call("destroy", () -> ec2.terminateInstances(terminate -> terminate.instanceIds(
                found.instance().instanceId())));
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        Map<String, String> wanted = new LinkedHashMap<>(tags);
        wanted.putAll(settings.namespace());
        List<Filter> filters = tagFilters(wanted);
        filters.add(Filter.builder().name("instance-state-name").values(InstanceStates.DESCRIBED).build());
        DescribeInstancesRequest request = DescribeInstancesRequest.builder().filters(filters)
                .maxResults(settings.pageSize()).build();
        List<InstanceDescription> found = new ArrayList<>();
        for (Ec2Target target : targets()) {
            Ec2Client ec2 = client(target, "describe");
            call("describe", () -> {
                ec2.describeInstancesPaginator(request).reservations().forEach(reservation ->
                        reservation.instances().stream()
                                .filter(instance -> InstanceStates.of(instance.state().name()).described())
                                .forEach(instance -> {
                                    found.add(describe(instance, properties));
                                    located.put(InstanceId.of(instance.instanceId()), target);
                                }));
                return null;
            });
        }
        found.sort(Comparator.comparing(InstanceDescription::id));
        return found;
    }

    @Override
    public Any exampleProperties() {
        return Any.parse("{\"Tags\": {\"project\": \"web\"}, \"RunInstancesInput\": {\"ImageId\": \"ami-0abcdef1234567890\","
                + " \"InstanceType\": \"t3.micro\", \"KeyName\": \"ops\", \"SubnetId\": \"subnet-0123456789abcdef0\","
                + " \"SecurityGroupIds\": [\"sg-0123456789abcdef0\"]}}");
    }

    @Override
    public VendorInfo vendorInfo() {
        return new VendorInfo("aws", "0.1.0", "https://aws.amazon.com/ec2/");
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(Ec2Client::close);
        clients.clear();
    }

    private AwsProperties parse(Any properties) {
        AwsProperties parsed = AwsProperties.parse(properties);
        parsed.target().profile().ifPresent(profile -> Ec2Clients.checkProfile(settings, profile));
        return parsed;
    }

    private synchronized Ec2Target remember(Ec2Target target) {
        targets.add(target);
        return target;
    }

    /** The targets describe asks: those of the specs seen, or the plugin's own when it has seen none. */
    private synchronized List<Ec2Target> targets() {
        return targets.isEmpty() ? List.of(Ec2Target.PLUGIN) : List.copyOf(targets);
    }

    private synchronized Ec2Client client(Ec2Target target, String operation) {
        Ec2Client ec2 = clients.get(target);
        if (ec2 == null) {
            try {
                ec2 = connect.apply(target);
            } catch (IllegalStateException | SdkException e) {
                throw new PluginException(name, operation, Ec2Errors.oneLine(String.valueOf(e.getMessage())), e);
            }
            clients.put(target, ec2);
        }
        return ec2;
    }

    /** The instance in a state it can be destroyed (or labelled) from, where it is; else not found. */
    private Found destroyable(InstanceId id, String operation) {
        List<Ec2Target> order = new ArrayList<>();
        Optional.ofNullable(located.get(id)).ifPresent(order::add);
        targets().stream().filter(target -> !order.contains(target)).forEach(order::add);
        for (Ec2Target target : order) {
            Optional<Instance> instance = ours(id, target, operation);
            if (instance.isPresent()) {
                if (!InstanceStates.of(instance.get().state().name()).destroyable()) {
                    break;
                }
                return new Found(instance.get(), target);
            }
        }
        throw new InstanceNotFoundException(id);
    }

    /** The instance, if it is in this target and this plugin's namespace; gone instances included. */
    private Optional<Instance> ours(InstanceId id, Ec2Target target, String operation) {
        List<Filter> filters = tagFilters(settings.namespace());
        filters.add(Filter.builder().name("instance-id").values(id.value()).build());
        Ec2Client ec2 = client(target, operation);
        return call(operation, () -> ec2.describeInstancesPaginator(describe -> describe.filters(filters))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .filter(instance -> instance.instanceId().equals(id.value()))
                .findFirst());
    }

    private InstanceDescription describe(Instance instance, boolean properties) {
        Map<String, String> tags = new LinkedHashMap<>();
        instance.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        LogicalId logicalId = instance.privateIpAddress() == null ? null : LogicalId.of(instance.privateIpAddress());
        return new InstanceDescription(InstanceId.of(instance.instanceId()), logicalId, tags,
                properties ? Any.of(Ec2Json.of(instance)) : Any.empty());
    }

    private static List<Filter> tagFilters(Map<String, String> tags) {
        List<Filter> filters = new ArrayList<>();
        tags.forEach((key, value) -> filters.add(Filter.builder().name("tag:" + key).values(value).build()));
        return filters;
    }

    private static List<Tag> ec2Tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw Ec2Errors.of(name, operation, e);
        }
    }
}
