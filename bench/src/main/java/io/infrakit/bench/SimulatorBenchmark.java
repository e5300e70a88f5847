package io.infrakit.bench;

import io.infrakit.plugins.instance.simulator.SimulatorInstancePlugin;
import io.infrakit.plugins.instance.simulator.SimulatorSettings;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginServer;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginObjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Simulator throughput, in this JVM and over a real unix socket with InfraKit's JSON-RPC. */
final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    static List<Result> inProcess(int instances, int runs) {
        List<Duration> provision = new ArrayList<>();
        List<Duration> destroy = new ArrayList<>();
        InstanceWorkload.run(new SimulatorInstancePlugin(SimulatorSettings.defaults()), instances, "warm-up");
        for (int run = 0; run < runs; run++) {
            InstanceWorkload.Timings timings = InstanceWorkload.run(
                    new SimulatorInstancePlugin(SimulatorSettings.defaults()), instances, "bench");
            provision.add(timings.provisionAndDescribe());
            destroy.add(timings.destroy());
        }
        return List.of(
                new Result("simulator provision+describe " + instances + ", in-process", Stats.of(provision), instances,
                        instances == 10_000 ? "<= 1000 ms" : ""),
                new Result("simulator destroy " + instances + ", in-process", Stats.of(destroy), instances, ""));
    }

    static List<Result> overSocket(int instances, int runs) {
        List<Duration> provision = new ArrayList<>();
        List<Duration> destroy = new ArrayList<>();
        Path dir = temporaryDirectory();
        try {
            for (int run = 0; run <= runs; run++) {
                SimulatorInstancePlugin simulator = new SimulatorInstancePlugin(SimulatorSettings.defaults());
                Path socket = dir.resolve("simulator");
                try (PluginServer server = PluginServer.start(socket, PluginObjects.instance(simulator))) {
                    InstancePlugin remote = new RemoteInstancePlugin(
                            new PluginClient("simulator", server.socket()), PluginName.of("simulator"));
                    InstanceWorkload.Timings timings = InstanceWorkload.run(remote, instances, "bench");
                    if (run > 0) {
                        provision.add(timings.provisionAndDescribe());
                        destroy.add(timings.destroy());
                    }
                }
            }
        } finally {
            dir.toFile().delete();
        }
        return List.of(
                new Result("simulator provision+describe " + instances + ", unix socket", Stats.of(provision), instances,
                        "report"),
                new Result("simulator destroy " + instances + ", unix socket", Stats.of(destroy), instances, "report"));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "ik-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
