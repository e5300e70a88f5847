package io.infrakit.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.infrakit.image.ImageSpec.FileSource;
import io.infrakit.image.ImageSpec.FileSpec;
import io.infrakit.image.ImageSpec.InlineContents;
import io.infrakit.image.ImageSpec.KernelSpec;
import io.infrakit.image.ImageSpec.ServiceSpec;
import io.infrakit.image.ImageSpec.TreeFile;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.SpecText;
import io.infrakit.common.YamlAliases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads an image spec (YAML) into an {@link ImageSpec}; every error is one line that starts with the spec file. */
public final class ImageSpecParser {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> SECTIONS =
            new TreeSet<>(List.of("kernel", "modules", "onboot", "init", "services", "files", "busybox", "formats"));
    private static final Set<String> KERNEL_FIELDS = new TreeSet<>(List.of("path", "cmdline"));
    private static final Set<String> SERVICE_FIELDS = new TreeSet<>(List.of("name", "command"));
    private static final Set<String> FILE_FIELDS = new TreeSet<>(List.of("path", "contents", "source", "mode"));
    private static final String KNOWN_FORMATS =
            String.join(", ", Stream.of(DiskFormat.values()).map(DiskFormat::specName).toList());
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3}");
    static final String DEFAULT_CMDLINE = "console=ttyS0";
    private static final int DEFAULT_FILE_MODE = 0644;

    private final String name;
    private final Path specDir;

    private ImageSpecParser(Path specFile) {
        this.name = specFile.toString();
        this.specDir = specFile.toAbsolutePath().normalize().getParent();
    }

    public static ImageSpec parse(Path specFile, Map<String, String> vars) {
        String text;
        try {
            text = SpecText.decode(specFile.toString(), Files.readAllBytes(specFile));
        } catch (IOException e) {
            throw new InvalidSpecException(specFile + ": cannot read the image spec: " + e.getMessage(), e);
        }
        return new ImageSpecParser(specFile).parseText(specFile, SpecVariables.substitute(specFile.toString(), text, vars));
    }

    private ImageSpec parseText(Path specFile, String text) {
        JsonNode root = readTree(text);
        if (!root.isObject()) {
            throw invalid("the image spec must be a mapping of sections; known: " + String.join(", ", SECTIONS));
        }
        requireKnown(root, SECTIONS, "section", "");
        if (!root.hasNonNull("kernel")) {
            throw invalid("section 'kernel' is required");
        }
        return new ImageSpec(
                specFile,
                kernel(root.get("kernel")),
                modules(root.get("modules")),
                strings(root.get("onboot"), "onboot"),
                strings(root.get("init"), "init"),
                services(root.get("services")),
                files(root.get("files")),
                root.hasNonNull("busybox")
                        ? specDir.resolve(text(root.get("busybox"), "busybox")).normalize()
                        : ImageSpec.DEFAULT_BUSYBOX,
                formats(root.get("formats")));
    }

    private JsonNode readTree(String text) {
        YamlAliases.find(text).ifPresent(found -> {
            throw new InvalidSpecException(found.at(name));
        });
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw invalid("the image spec is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new InvalidSpecException(name + ":" + where
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed YAML"), e);
        }
    }

    private KernelSpec kernel(JsonNode node) {
        requireObject(node, "kernel");
        requireKnown(node, KERNEL_FIELDS, "field", " in kernel");
        if (!node.hasNonNull("path")) {
            throw invalid("kernel.path is required");
        }
        Path path = specDir.resolve(text(node.get("path"), "kernel.path")).normalize();
        if (!Files.isRegularFile(path)) {
            throw invalid("kernel file not found: " + path);
        }
        String cmdline = node.hasNonNull("cmdline") ? text(node.get("cmdline"), "kernel.cmdline") : DEFAULT_CMDLINE;
        return new KernelSpec(path, cmdline.strip());
    }

    private List<String> modules(JsonNode node) {
        List<String> modules = strings(node, "modules");
        for (String module : modules) {
            if (!MODULE_NAME.matcher(module).matches()) {
                throw invalid("modules: '" + module + "' is not a kernel module name (like virtio_net)");
            }
        }
        return modules;
    }

    /** In the order of {@link DiskFormat}, each once: the qcow2 disk is made from the ISO. */
    private List<DiskFormat> formats(JsonNode node) {
        EnumSet<DiskFormat> formats = EnumSet.noneOf(DiskFormat.class);
        List<String> names = strings(node, "formats");
        for (int i = 0; i < names.size(); i++) {
            Optional<DiskFormat> format = DiskFormat.bySpecName(names.get(i));
            if (format.isEmpty()) {
                throw invalid("formats[" + i + "] '" + names.get(i) + "' is not an image format; known: " + KNOWN_FORMATS);
            }
            formats.add(format.get());
        }
        return List.copyOf(formats);
    }

    private List<ServiceSpec> services(JsonNode node) {
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < sizeOfList(node, "services"); i++) {
            String where = "services[" + i + "]";
            JsonNode service = node.get(i);
            requireObject(service, where);
            requireKnown(service, SERVICE_FIELDS, "field", " in " + where);
            String serviceName = required(service, "name", where);
            if (!SERVICE_NAME.matcher(serviceName).matches()) {
                throw invalid(where + ".name '" + serviceName + "' may hold only letters, digits, '.', '_' and '-'");
            }
            services.add(new ServiceSpec(serviceName, required(service, "command", where)));
        }
        return services;
    }

    private List<FileSpec> files(JsonNode node) {
        List<FileSpec> files = new ArrayList<>();
        for (int i = 0; i < sizeOfList(node, "files"); i++) {
            String where = "files[" + i + "]";
            JsonNode file = node.get(i);
            requireObject(file, where);
            requireKnown(file, FILE_FIELDS, "field", " in " + where);
            String path = required(file, "path", where);
            if (!path.startsWith("/") || Path.of(path).normalize().toString().equals("/")
                    || !Path.of(path).normalize().toString().equals(path)) {
                throw invalid(where + ".path '" + path + "' must be a normalized absolute path such as /etc/motd");
            }
            files.add(new FileSpec(path, fileSource(file, where), mode(file, where)));
        }
        return files;
    }

    private FileSource fileSource(JsonNode file, String where) {
        boolean hasContents = file.hasNonNull("contents");
        boolean hasSource = file.hasNonNull("source");
        if (hasContents == hasSource) {
            throw invalid(where + " needs exactly one of 'contents' and 'source'");
        }
        if (hasContents) {
            return new InlineContents(text(file.get("contents"), where + ".contents"));
        }
        String source = text(file.get("source"), where + ".source");
        Path resolved = specDir.resolve(source).normalize();
        if (!resolved.startsWith(specDir)) {
            throw invalid(where + ".source '" + source + "' is outside the spec's directory " + specDir);
        }
        if (!Files.isRegularFile(resolved)) {
            throw invalid(where + ".source '" + source + "' not found: " + resolved);
        }
        try {
            // A symbolic link inside the tree may still point out of it.
            if (!resolved.toRealPath().startsWith(specDir.toRealPath())) {
                throw invalid(where + ".source '" + source + "' is outside the spec's directory " + specDir);
            }
        } catch (IOException e) {
            throw invalid(where + ".source '" + source + "' cannot be read: " + e.getMessage());
        }
        return new TreeFile(resolved);
    }

    private int mode(JsonNode file, String where) {
        if (!file.hasNonNull("mode")) {
            return DEFAULT_FILE_MODE;
        }
        String mode = file.get("mode").asText();
        if (!OCTAL_MODE.matcher(mode).matches()) {
            throw invalid(where + ".mode '" + mode + "' must be octal permissions such as \"0600\"");
        }
        return Integer.parseInt(mode, 8);
    }

    private List<String> strings(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        requireArray(node, where);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), where + "[" + i + "]"));
        }
        return values;
    }

    private String required(JsonNode node, String field, String where) {
        if (!node.hasNonNull(field)) {
            throw invalid(where + "." + field + " is required");
        }
        return text(node.get(field), where + "." + field);
    }

    private String text(JsonNode node, String where) {
        if (!node.isValueNode()) {
            throw invalid(where + " must be a text value");
        }
        return node.asText();
    }

    private int sizeOfList(JsonNode node, String where) {
        return node == null || node.isNull() ? 0 : requireArray(node, where).size();
    }

    private JsonNode requireArray(JsonNode node, String where) {
        if (!node.isArray()) {
            throw invalid(where + " must be a list");
        }
        return node;
    }

    private void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be a mapping");
        }
    }

    private void requireKnown(JsonNode node, Set<String> known, String kind, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw invalid("unknown " + kind + " '" + field + "'" + where + "; known: " + String.join(", ", known));
            }
        }
    }

    private InvalidSpecException invalid(String problem) {
        return new InvalidSpecException(name + ": " + problem);
    }
}
