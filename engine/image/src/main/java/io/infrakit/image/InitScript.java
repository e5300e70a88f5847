package io.infrakit.image;

import io.infrakit.image.ImageSpec.ServiceSpec;

import java.util.List;

/**
 * The {@code /init} shell script of an image: the boot recipe of docs/images-and-vms.md (busybox applets, the virtual
 * file systems, the modules, hostname and network), then the spec's own lines and services.
 */
public final class InitScript {

    static final String UDHCPC_SCRIPT_PATH = "/usr/share/udhcpc/default.script";
    /** acpid runs this on the power button, which is how QEMU's system_powerdown reaches the guest. */
    static final String POWER_BUTTON_HANDLER_PATH = "/etc/acpi/PWRF/00000080";
    static final String FW_CFG_DIRECTORY = "/sys/firmware/qemu_fw_cfg/by_name/opt/infrakit/";
    static final String USER_DATA_PATH = FW_CFG_DIRECTORY + "init/raw";

    private InitScript() {
    }

    public static String render(ImageSpec spec) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/busybox sh\n");
        s.append("/bin/busybox --install -s /bin\n");
        s.append("export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root\n");
        s.append("mount -t proc proc /proc\n");
        s.append("mount -t sysfs sys /sys\n");
        s.append("mount -t devtmpfs dev /dev\n");
        s.append("mkdir -p /tmp /var/log /var/run /root\n");
        for (String module : spec.modules()) {
            s.append("insmod /lib/modules/").append(module).append(".ko\n");
        }
        // Who this VM is: from the kernel command line when QEMU booted the kernel, else (a disk or an ISO boots
        // with the command line baked into its boot loader) from the fw_cfg entries the qemu plugin adds.
        s.append(identity("ID", "infrakit.id", "id"));
        s.append(identity("IMAGE", "infrakit.image", "image"));
        s.append("export ID IMAGE\n");
        s.append("[ -n \"$ID\" ] && hostname \"$ID\"\n");
        s.append("ip link set lo up\n");
        s.append("ip link set eth0 up\n");
        s.append(identity("IP", "infrakit.ip", "ip"));
        s.append(identity("GW", "infrakit.gw", "gw"));
        s.append("if [ -n \"$IP\" ]; then\n");
        s.append("  ip addr add \"$IP\" dev eth0\n");
        s.append("  [ -n \"$GW\" ] && ip route add default via \"$GW\"\n");
        s.append("elif ! udhcpc -i eth0 -n -q -t 5 -T 1 -s ").append(UDHCPC_SCRIPT_PATH).append("; then\n");
        // QEMU's user-mode network always uses these addresses, so the fallback suits the usual case.
        s.append("  ip addr add 10.0.2.15/24 dev eth0\n");
        s.append("  ip route add default via 10.0.2.2\n");
        s.append("fi\n");
        // Without the button and evdev modules acpid finds no input device; then only a hard stop ends the VM.
        s.append("acpid -c /etc/acpi -l /var/log/acpid.log\n");
        appendLines(s, "onboot", spec.onboot());
        appendLines(s, "init", spec.init());
        appendServices(s, spec.services());
        s.append("# user data passed by the qemu plugin through -fw_cfg (needs the qemu_fw_cfg module)\n");
        s.append("[ -f ").append(USER_DATA_PATH).append(" ] && sh ").append(USER_DATA_PATH).append('\n');
        s.append("echo \"INFRAKIT-READY id=$ID\"\n");
        s.append("while :; do sleep 3600; done\n");
        return s.toString();
    }

    /** The udhcpc hook that applies the lease (busybox ships none of its own). */
    public static String udhcpcScript() {
        return """
                #!/bin/sh
                case "$1" in
                  deconfig) ip addr flush dev "$interface"; ip link set "$interface" up ;;
                  bound|renew)
                    ip addr flush dev "$interface"
                    ip addr add "$ip/${mask:-24}" dev "$interface"
                    for r in $router; do ip route add default via "$r" dev "$interface"; break; done
                    : > /etc/resolv.conf
                    for d in $dns; do echo "nameserver $d" >> /etc/resolv.conf; done
                    ;;
                esac
                exit 0
                """;
    }

    public static String powerButtonHandler() {
        return "#!/bin/sh\npoweroff -f\n";
    }

    private static String identity(String variable, String parameter, String fwCfgName) {
        String file = FW_CFG_DIRECTORY + fwCfgName + "/raw";
        return cmdlineValue(variable, parameter)
                + "[ -z \"$" + variable + "\" ] && [ -f " + file + " ] && " + variable + "=$(cat " + file + ")\n";
    }

    private static String cmdlineValue(String variable, String parameter) {
        return variable + "=$(sed -n 's/.*" + parameter.replace(".", "\\.") + "=\\([^ ]*\\).*/\\1/p' /proc/cmdline)\n";
    }

    private static void appendLines(StringBuilder s, String section, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        s.append("# ").append(section).append('\n');
        lines.forEach(line -> s.append(line).append('\n'));
    }

    private static void appendServices(StringBuilder s, List<ServiceSpec> services) {
        for (ServiceSpec service : services) {
            s.append("# service ").append(service.name()).append('\n');
            s.append("( ").append(service.command()).append(" ) >/var/log/").append(service.name())
                    .append(".log 2>&1 &\n");
        }
    }
}
