package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.engine.InfrakitHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

@Command(name = "status", description = "Say whether the manager runs; exits 7 when it does not.")
final class ManagerStatusCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    ManagerStatusCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        InfrakitHome home = home();
        OptionalLong pid = ManagerProcess.running(home);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("Running", pid.isPresent());
        pid.ifPresent(value -> status.put("Pid", value));
        status.put("Home", home.root().toString());
        status.put("Plugins", home.pluginsDir().toString());
        Printer.print(cli, output.format, status, () -> pid.isPresent()
                ? "manager running (pid " + pid.getAsLong() + ", home " + home.root() + ")"
                : "manager is not running (home " + home.root() + ")");
        return pid.isPresent() ? ExitCode.OK : ExitCode.MANAGER;
    }
}
