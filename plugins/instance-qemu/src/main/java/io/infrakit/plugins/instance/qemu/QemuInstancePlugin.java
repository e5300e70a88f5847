package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Any;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.Json;
import io.infrakit.common.OwnerOnly;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.instance.PublishedPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code qemu} instance plugin: every instance is a QEMU process (TCG by default) booting a kernel and initrd,
 * daemonized so it outlives the manager, with a private directory holding its state file, pid file, QMP sockets,
 * serial log and user data. Describe reads those directories, so VMs are found again after a restart; a VM whose
 * process is gone (it crashed, panicked, or was killed), whose QMP status says its guest ended, or whose guest QEMU
 * reported shut down or panicked, is reported gone and its directory removed, so its group replaces it. Destroy asks
 * the guest to power down over QMP (ACPI), then quits, then kills. Subscribers are told when QEMU reports an event
 * that changes a VM and when a VM's process ends ({@link VmWatch}).
 */
public final class QemuInstancePlugin implements InstancePlugin, InstanceChangeNotices {

    static final String NAME = "qemu";
    static final String ID_PREFIX = "qemu-";
    private static final Logger LOG = LoggerFactory.getLogger(QemuInstancePlugin.class);
    private static final ObjectWriter WRITER = Json.mapper().writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .withDefaultPrettyPrinter();
    private static final Set<String> DEAD_STATUSES = Set.of("shutdown", "guest-panicked", "internal-error", "io-error");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QMP_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(5);
    /** A directory without a state file is a provision under way, or one a crash interrupted once it is this old. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final int UNIX_SOCKET_PATH_LIMIT = 107;
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final QemuBinaries binaries;
    private final Clock clock;
    private final Object stateLock = new Object();
    private final Object addressLock = new Object();
    private final VmWatch watch = new VmWatch(
            pid -> VmProcess.find(pid).map(ProcessHandle::onExit), this::runningPids, this::followEvents);

    public QemuInstancePlugin(Path directory, QemuBinaries binaries, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.binaries = binaries;
        this.clock = clock;
        try {
            OwnerOnly.createDirectories(this.directory);
        } catch (IOException e) {
            throw new PluginException(NAME, "start", "cannot create directory " + this.directory + ": " + e, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void validate(Any properties) {
        QemuProperties.parse(properties);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        QemuProperties vm = QemuProperties.parse(spec.properties());
        VmFiles files = newDirectory();
        try {
            boolean userData = !spec.init().isBlank();
            if (userData) {
                Files.writeString(files.userData(), spec.init());
            }
            if (vm.boot() instanceof BootSource.Disk disk) {
                createOverlay(disk.base(), files);
            }
            VmNetwork network = start(vm, files, userData);
            long pid = VmProcess.readPid(files.pid()).orElseThrow(
                    () -> new PluginException(NAME, "provision", "QEMU started but wrote no pid file " + files.pid()));
            VmState state = new VmState(files.id(), spec.logicalIdIfAny().orElse(null), spec.tags(),
                    spec.properties(), published(network, vm.ports()), pid, clock.instant());
            writeState(files, state, "provision");
            watch.started(files.id(), pid);
            LOG.info("started VM {} (pid {}, ports {})", files.id(), pid, state.ports());
            return files.id();
        } catch (IOException | RuntimeException e) {
            stopAndRemove(files, Duration.ZERO);
            if (e instanceof PluginException plugin) {
                throw plugin;
            }
            throw new PluginException(NAME, "provision", "cannot start a VM: " + e.getMessage(), e);
        }
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        VmFiles files = filesOfKnown(id);
        synchronized (stateLock) {
            VmState state = readState(files).orElseThrow(() -> new InstanceNotFoundException(id));
            writeState(files, state.withMergedTags(labels), "label");
        }
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        VmFiles files = filesOfKnown(id);
        VmState state = readState(files).orElseThrow(() -> new InstanceNotFoundException(id));
        LOG.info("destroying VM {} ({})", id, reason);
        stopAndRemove(files, QemuProperties.powerdownTimeoutOf(state.properties()));
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        List<InstanceDescription> found = new ArrayList<>();
        for (VmFiles files : directories()) {
            Optional<VmState> read = readState(files);
            if (read.isEmpty()) {
                removeIfAbandoned(files);
                continue;
            }
            VmState state = read.get();
            Optional<ProcessHandle> process = VmProcess.find(state.pid());
            if (process.isEmpty()) {
                LOG.info("VM {} is gone (process {} ended)", state.id(), state.pid());
                stopAndRemove(files, Duration.ZERO);
                continue;
            }
            Optional<QmpEvent> ended = watch.ended(state.id());
            if (ended.isPresent()) {
                LOG.info("VM {} is gone (QEMU said {})", state.id(), ended.get());
                stopAndRemove(files, Duration.ZERO);
                continue;
            }
            if (!state.tags().entrySet().containsAll(tags.entrySet())) {
                continue;
            }
            Any description = Any.empty();
            if (properties) {
                String status = status(files);
                if (DEAD_STATUSES.contains(status)) {
                    LOG.info("VM {} is gone (status {})", state.id(), status);
                    stopAndRemove(files, Duration.ZERO);
                    continue;
                }
                description = describe(files, state, status);
            }
            found.add(new InstanceDescription(state.id(), state.logicalId(), state.tags(), description));
        }
        found.sort(Comparator.comparing(InstanceDescription::id));
        return found;
    }

    @Override
    public Subscription subscribe(Consumer<InstancesChanged> listener) {
        return watch.subscribe(listener);
    }

    private AutoCloseable followEvents(InstanceId id, long pid, Consumer<QmpEvent> events, Runnable lost) {
        return QmpEventStream.follow(id.value(), VmFiles.of(directory, id).qmpEvents(),
                () -> VmProcess.find(pid).isPresent(), events, lost);
    }

    /** The pid of every VM with a state file. */
    private Map<InstanceId, Long> runningPids() {
        Map<InstanceId, Long> pids = new HashMap<>();
        for (VmFiles files : directories()) {
            readState(files).ifPresent(state -> pids.put(state.id(), state.pid()));
        }
        return pids;
    }

    private VmNetwork start(QemuProperties vm, VmFiles files, boolean userData) throws IOException {
        if (vm.bridge().isPresent()) {
            VmNetwork.Tap tap = attach(vm.bridge().get(), files);
            String failure = launch(vm, files, tap, userData);
            if (failure != null) {
                throw new PluginException(NAME, "provision", binaries.emulator() + " failed: " + failure);
            }
            return tap;
        }
        String failure = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            VmNetwork.UserNetwork network = new VmNetwork.UserNetwork(HostPorts.allocate(vm.ports()));
            failure = launch(vm, files, network, userData);
            if (failure == null) {
                return network;
            }
            if (!failure.contains("hostfwd") && !failure.contains("host forwarding")) {
                break;
            }
        }
        throw new PluginException(NAME, "provision", binaries.emulator() + " failed: " + failure);
    }

    /** Starts QEMU; null once the VM runs, else the last line QEMU said. */
    private String launch(QemuProperties vm, VmFiles files, VmNetwork network, boolean userData) throws IOException {
        Path log = files.directory().resolve("qemu.log");
        Process launcher = new ProcessBuilder(QemuCommand.of(binaries.emulator(), files.id(), vm, files, network,
                userData)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!exited(launcher)) {
            launcher.destroyForcibly();
            throw new PluginException(NAME, "provision", "QEMU did not start within " + START_TIMEOUT.toSeconds()
                    + " s; see " + log);
        }
        return launcher.exitValue() == 0 ? null : lastLine(log);
    }

    /** Reserves the VM an address of the bridge's subnet (its address file) and joins a tap device to the bridge. */
    private VmNetwork.Tap attach(BridgeNetwork bridge, VmFiles files) throws IOException {
        String address;
        synchronized (addressLock) {
            Set<String> taken = new HashSet<>();
            for (VmFiles other : directories()) {
                readAddress(other).ifPresent(taken::add);
            }
            address = bridge.freeAddress(taken);
            Files.writeString(files.address(), address);
        }
        String device = TapDevices.nameOf(files.id());
        TapDevices.create(device, bridge.bridge());
        return new VmNetwork.Tap(device, TapDevices.macOf(files.id()), address, bridge.subnet().prefix(),
                bridge.gateway());
    }

    private static Optional<String> readAddress(VmFiles files) {
        try {
            return Optional.of(Files.readString(files.address()).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> published(VmNetwork network, List<Integer> ports) {
        if (network instanceof VmNetwork.Tap tap) {
            Map<Integer, Integer> same = new TreeMap<>();
            ports.forEach(port -> same.put(port, port));
            return PublishedPorts.of(tap.address(), same);
        }
        return PublishedPorts.of(HostPorts.HOST, new TreeMap<>(((VmNetwork.UserNetwork) network).forwardedPorts()));
    }

    /** The VM's own copy-on-write disk over the shared base image, which stays untouched. */
    private void createOverlay(Path base, VmFiles files) throws IOException {
        Path log = files.directory().resolve("qemu-img.log");
        Process process = new ProcessBuilder(binaries.imageTool(), "create", "-q", "-f", "qcow2", "-b",
                base.toString(), "-F", "qcow2", files.disk().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!exited(process)) {
            process.destroyForcibly();
            throw new PluginException(NAME, "provision", binaries.imageTool() + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new PluginException(NAME, "provision", binaries.imageTool() + " failed: " + lastLine(log));
        }
    }

    /** Waits for QEMU's foreground process, which ends once the daemonized VM is running or has failed. */
    private static boolean exited(Process launcher) {
        try {
            return launcher.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private VmFiles newDirectory() {
        while (true) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            VmFiles files = VmFiles.of(directory, InstanceId.of(ID_PREFIX + HexFormat.of().formatHex(random)));
            if (files.qmpEvents().toString().length() > UNIX_SOCKET_PATH_LIMIT) {
                throw new PluginException(NAME, "provision", "the QMP socket path " + files.qmpEvents()
                        + " is longer than unix sockets allow (" + UNIX_SOCKET_PATH_LIMIT
                        + " bytes); use a shorter INFRAKIT_HOME or INFRAKIT_QEMU_DIR");
            }
            try {
                Files.createDirectory(files.directory(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return files;
            } catch (FileAlreadyExistsException e) {
                // another VM has that ID: draw again
            } catch (IOException e) {
                throw new PluginException(NAME, "provision", "cannot create " + files.directory() + ": " + e, e);
            }
        }
    }

    /** Power down gracefully if there is time, then quit, then kill; then remove the VM's directory. */
    private void stopAndRemove(VmFiles files, Duration powerdownTimeout) {
        Optional<Long> pid = readState(files).map(VmState::pid).or(() -> VmProcess.readPid(files.pid()));
        Optional<ProcessHandle> process = pid.flatMap(VmProcess::find);
        if (process.isPresent()) {
            ProcessHandle vm = process.get();
            boolean gone = !powerdownTimeout.isZero() && qmp(files, "system_powerdown")
                    && VmProcess.awaitExit(vm, powerdownTimeout);
            if (!gone) {
                gone = qmp(files, "quit") && VmProcess.awaitExit(vm, QUIT_TIMEOUT);
            }
            if (!gone) {
                vm.destroyForcibly();
                if (!VmProcess.awaitExit(vm, QUIT_TIMEOUT)) {
                    throw new PluginException(NAME, "destroy", "VM " + files.id() + " (pid " + vm.pid()
                            + ") does not die");
                }
            }
        }
        try {
            TapDevices.delete(TapDevices.nameOf(files.id()));
        } catch (PluginException e) {
            LOG.warn("VM {}: {}", files.id(), e.getMessage());
        }
        deleteTree(files.directory());
    }

    private boolean qmp(VmFiles files, String command) {
        try (QmpClient client = QmpClient.connect(files.qmp(), QMP_TIMEOUT)) {
            client.execute(command);
            return true;
        } catch (IOException e) {
            LOG.debug("QMP {} on {} failed: {}", command, files.id(), e.getMessage());
            return false;
        }
    }

    private String status(VmFiles files) {
        try (QmpClient client = QmpClient.connect(files.qmp(), QMP_TIMEOUT)) {
            return client.execute("query-status").path("status").asText("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Any describe(VmFiles files, VmState state, String status) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("Pid", state.pid());
        node.put("Status", status);
        node.set(PublishedPorts.PROPERTY, Json.mapper().valueToTree(state.ports()));
        JsonNode image = state.properties().isEmpty() ? null : state.properties().node().get(QemuProperties.IMAGE);
        if (image != null && image.isTextual()) {
            node.put(QemuProperties.IMAGE, image.textValue());
        }
        node.put("SerialLog", files.serialLog().toString());
        if (state.started() != null) {
            node.put("Started", state.started().toString());
        }
        return Any.of(node);
    }

    private void removeIfAbandoned(VmFiles files) {
        try {
            if (Files.getLastModifiedTime(files.directory()).toInstant()
                    .isBefore(clock.instant().minus(ABANDONED_AFTER))) {
                LOG.info("removing {}, a VM whose start was interrupted", files.directory());
                stopAndRemove(files, Duration.ZERO);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException e) {
            LOG.debug("cannot inspect {}: {}", files.directory(), e.getMessage());
        }
    }

    private List<VmFiles> directories() {
        List<VmFiles> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory, ID_PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir)) {
                    found.add(new VmFiles(dir));
                }
            }
        } catch (IOException e) {
            throw new PluginException(NAME, "describe", "cannot list " + directory + ": " + e, e);
        }
        return found;
    }

    /** The files of an ID this plugin could have made; any other ID is unknown. */
    private VmFiles filesOfKnown(InstanceId id) {
        if (!id.value().matches(ID_PREFIX + "[0-9a-f]{8}")) {
            throw new InstanceNotFoundException(id);
        }
        return VmFiles.of(directory, id);
    }

    private static Optional<VmState> readState(VmFiles files) {
        try {
            return Optional.of(Json.mapper().readValue(Files.readAllBytes(files.state()), VmState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("unreadable state {}: {}", files.state(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void writeState(VmFiles files, VmState state, String operation) {
        if (!Files.isDirectory(files.directory())) {
            throw new InstanceNotFoundException(state.id());
        }
        try {
            AtomicFiles.write(files.state(), WRITER.writeValueAsBytes(state), AtomicFiles.Durability.PROCESS_CRASH_SAFE);
        } catch (IOException | UncheckedIOException e) {
            throw new PluginException(NAME, operation, "cannot write " + files.state() + ": " + e.getMessage(), e);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "exited without a message" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "exited; its log is unreadable: " + e.getMessage();
        }
    }

    /** Removes a VM's directory; another thread removing it at the same time is no error. */
    private static void deleteTree(Path root) {
        for (int attempt = 1; Files.exists(root); attempt++) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                if (attempt >= 3 && Files.exists(root)) {
                    throw new PluginException(NAME, "destroy", "cannot remove " + root + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
