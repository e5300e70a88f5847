{
  "ID": "vms",
  "Properties": {
    "Allocation": {"Size": ${size}},
    "Instance": {
      "Plugin": "qemu",
      "Properties": {
        "Kernel": ${jsonEncode(vmlinux)},
        "Initrd": ${jsonEncode(initrd)},
        "Cmdline": ${jsonEncode(cmdline)},
        "Image": ${jsonEncode(hash)},
        "Memory": ${memory},
        "Ports": [80],
        "PowerdownTimeout": "10s"
      }
    },
    "Flavor": {
      "Plugin": "vanilla",
      "Properties": {
        "Tags": {"demo": "linuxkit"},
        "HealthCheck": {"Port": 80, "Path": "/index.html", "Contains": "key=ssh-", "Timeout": "500ms"}
      }
    },
    "Updating": {"MaxSurge": 1, "MaxUnavailable": 1, "HealthyDeadline": "2m", "AutoRollback": true}
  }
}
