package io.infrakit.plugins.instance.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.common.Suggestions;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.RunInstancesMonitoringEnabled;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An instance spec's properties, as InfraKit's {@code ec2-instance} takes them:
 * {@code {"Tags": {...}, "RunInstancesInput": {...}}}, plus our overrides of the plugin's settings for this spec's
 * instances: {@code Region}, {@code Endpoint}, {@code Profile} ({@link Ec2Target}). RunInstancesInput takes the
 * fields of EC2's RunInstances listed in {@link #RUN_FIELDS}, named as EC2 names them; any other field is refused,
 * with a suggestion. MinCount and MaxCount are accepted and ignored: one instance per provision.
 */
record AwsProperties(Map<String, String> tags, RunInstancesRequest request, Ec2Target target) {

    static final String TAGS = "Tags";
    static final String RUN = "RunInstancesInput";
    static final String REGION = "Region";
    static final String ENDPOINT = "Endpoint";
    static final String PROFILE = "Profile";
    static final Set<String> TOP_FIELDS = Set.of(TAGS, RUN, REGION, ENDPOINT, PROFILE);
    /** AWS region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4, cn-north-1... */
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    static final Set<String> RUN_FIELDS = Set.of("ImageId", "InstanceType", "KeyName", "SubnetId",
            "SecurityGroupIds", "Placement", "IamInstanceProfile", "BlockDeviceMappings", "EbsOptimized",
            "Monitoring", "PrivateIpAddress", "UserData", "MinCount", "MaxCount");
    static final Set<String> PLACEMENT_FIELDS = Set.of("AvailabilityZone", "GroupName", "Tenancy");
    static final Set<String> PROFILE_FIELDS = Set.of("Arn", "Name");
    static final Set<String> MAPPING_FIELDS = Set.of("DeviceName", "Ebs", "NoDevice", "VirtualName");
    static final Set<String> EBS_FIELDS = Set.of("DeleteOnTermination", "Encrypted", "Iops", "KmsKeyId",
            "SnapshotId", "Throughput", "VolumeSize", "VolumeType");
    static final Set<String> MONITORING_FIELDS = Set.of("Enabled");

    AwsProperties {
        tags = Map.copyOf(tags);
    }

    static AwsProperties parse(Any properties) {
        JsonNode node = properties.node();
        if (!node.isObject()) {
            throw invalid("", "aws instance properties must be a JSON object with \"" + RUN
                    + "\", got " + (properties.isEmpty() ? "nothing" : node));
        }
        known(node, TOP_FIELDS, "");
        JsonNode run = node.get(RUN);
        if (run == null || !run.isObject()) {
            throw invalid(RUN, "is required: an object with at least \"ImageId\"");
        }
        known(run, RUN_FIELDS, RUN);
        RunInstancesRequest.Builder request = RunInstancesRequest.builder().minCount(1).maxCount(1)
                .imageId(requiredText(run, "ImageId"));
        text(run, "InstanceType").ifPresent(request::instanceType);
        text(run, "KeyName").ifPresent(request::keyName);
        text(run, "SubnetId").ifPresent(request::subnetId);
        text(run, "PrivateIpAddress").ifPresent(request::privateIpAddress);
        text(run, "UserData").ifPresent(request::userData);
        bool(run, "EbsOptimized", RUN).ifPresent(request::ebsOptimized);
        integer(run, "MinCount", RUN);
        integer(run, "MaxCount", RUN);
        if (run.has("SecurityGroupIds")) {
            request.securityGroupIds(texts(run.get("SecurityGroupIds"), RUN + ".SecurityGroupIds"));
        }
        object(run, "Placement", PLACEMENT_FIELDS).ifPresent(placement -> request.placement(Placement.builder()
                .availabilityZone(text(placement, "AvailabilityZone").orElse(null))
                .groupName(text(placement, "GroupName").orElse(null))
                .tenancy(text(placement, "Tenancy").orElse(null)).build()));
        object(run, "IamInstanceProfile", PROFILE_FIELDS).ifPresent(profile -> request.iamInstanceProfile(
                IamInstanceProfileSpecification.builder().arn(text(profile, "Arn").orElse(null))
                        .name(text(profile, "Name").orElse(null)).build()));
        object(run, "Monitoring", MONITORING_FIELDS).ifPresent(monitoring -> request.monitoring(
                RunInstancesMonitoringEnabled.builder()
                        .enabled(bool(monitoring, "Enabled", RUN + ".Monitoring").orElse(false)).build()));
        if (run.has("BlockDeviceMappings")) {
            request.blockDeviceMappings(mappings(run.get("BlockDeviceMappings")));
        }
        return new AwsProperties(tags(node), request.build(), target(node));
    }

    private static Ec2Target target(JsonNode node) {
        Optional<String> region = textAt(node, REGION, "");
        region.filter(name -> !REGION_NAME.matcher(name).matches()).ifPresent(name -> {
            throw invalid(REGION, "must be an AWS region such as eu-west-1, got \"" + name + "\"");
        });
        Optional<URI> endpoint = textAt(node, ENDPOINT, "").map(AwsProperties::endpoint);
        return new Ec2Target(region, endpoint, textAt(node, PROFILE, ""));
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(ENDPOINT, "must be an http(s) URL such as https://ec2.eu-west-1.amazonaws.com, got \""
                + text + "\"");
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode value = node.get(TAGS);
        if (value == null || value.isNull()) {
            return tags;
        }
        if (!value.isObject()) {
            throw invalid(TAGS, "must be an object of strings, got " + value);
        }
        value.properties().forEach(tag -> {
            if (!tag.getValue().isTextual()) {
                throw invalid(TAGS + "." + tag.getKey(), "must be a string, got " + tag.getValue());
            }
            tags.put(tag.getKey(), tag.getValue().textValue());
        });
        return tags;
    }

    private static List<BlockDeviceMapping> mappings(JsonNode value) {
        String path = RUN + ".BlockDeviceMappings";
        if (!value.isArray()) {
            throw invalid(path, "must be a list, got " + value);
        }
        List<BlockDeviceMapping> mappings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode mapping = value.get(i);
            String at = path + "[" + i + "]";
            if (!mapping.isObject()) {
                throw invalid(at, "must be an object, got " + mapping);
            }
            known(mapping, MAPPING_FIELDS, at);
            BlockDeviceMapping.Builder builder = BlockDeviceMapping.builder()
                    .deviceName(requiredText(mapping, "DeviceName", at))
                    .noDevice(text(mapping, "NoDevice").orElse(null))
                    .virtualName(text(mapping, "VirtualName").orElse(null));
            JsonNode ebs = mapping.get("Ebs");
            if (ebs != null && !ebs.isNull()) {
                String ebsAt = at + ".Ebs";
                if (!ebs.isObject()) {
                    throw invalid(ebsAt, "must be an object, got " + ebs);
                }
                known(ebs, EBS_FIELDS, ebsAt);
                builder.ebs(EbsBlockDevice.builder()
                        .deleteOnTermination(bool(ebs, "DeleteOnTermination", ebsAt).orElse(null))
                        .encrypted(bool(ebs, "Encrypted", ebsAt).orElse(null))
                        .iops(integer(ebs, "Iops", ebsAt))
                        .throughput(integer(ebs, "Throughput", ebsAt))
                        .volumeSize(integer(ebs, "VolumeSize", ebsAt))
                        .kmsKeyId(text(ebs, "KmsKeyId").orElse(null))
                        .snapshotId(text(ebs, "SnapshotId").orElse(null))
                        .volumeType(text(ebs, "VolumeType").orElse(null)).build());
            }
            mappings.add(builder.build());
        }
        return mappings;
    }

    private static void known(JsonNode node, Set<String> fields, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                String where = path.isEmpty() ? "" : " in " + path;
                String hint = Suggestions.closest(name, fields).map(known -> " (did you mean \"" + known + "\"?)")
                        .orElse("; known: " + String.join(", ", new TreeSet<>(fields)));
                throw new InvalidSpecException("unknown aws instance property \"" + name + "\"" + where + hint);
            }
        }
    }

    private static Optional<JsonNode> object(JsonNode node, String field, Set<String> fields) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String path = RUN + "." + field;
        if (!value.isObject()) {
            throw invalid(path, "must be an object, got " + value);
        }
        known(value, fields, path);
        return Optional.of(value);
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, RUN);
    }

    private static String requiredText(JsonNode node, String field, String path) {
        return textAt(node, field, path).orElseThrow(() -> invalid(path + "." + field, "is required"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return textAt(node, field, RUN);
    }

    private static Optional<String> textAt(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(path.isEmpty() ? field : path + "." + field, "must be a non-empty string, got " + value);
        }
        return Optional.of(value.textValue());
    }

    private static List<String> texts(JsonNode value, String path) {
        if (!value.isArray()) {
            throw invalid(path, "must be a list of strings, got " + value);
        }
        List<String> texts = new ArrayList<>();
        value.forEach(element -> {
            if (!element.isTextual() || element.textValue().isBlank()) {
                throw invalid(path, "must be a list of non-empty strings, got " + value);
            }
            texts.add(element.textValue());
        });
        return texts;
    }

    private static Optional<Boolean> bool(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw invalid(path + "." + field, "must be true or false, got " + value);
        }
        return Optional.of(value.booleanValue());
    }

    private static Integer integer(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 0) {
            throw invalid(path + "." + field, "must be a non-negative integer, got " + value);
        }
        return value.asInt();
    }

    private static InvalidSpecException invalid(String path, String problem) {
        return new InvalidSpecException(path.isEmpty() ? problem : "aws instance property " + path + " " + problem);
    }
}
