description 'A cluster of QEMU VMs booting an image built here with your SSH key in it; a new key rolls them one by one'

param 'publicKey', String, prompt: 'SSH public key to bake into the image',
        description: "root's authorized key in every VM (one line: type, base64, optional comment)",
        validate: { it ==~ /(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9@.-]+) [A-Za-z0-9+\/=]+( [^"\\\r\n{}]*)?/ }
param 'size', Integer, default: 3, min: 1, max: 12, description: 'how many VMs'
param 'kernel', String, default: '/vmlinuz',
        description: "the kernel to boot: the linux-image package's vmlinuz (its modules come from INFRAKIT_KERNEL_MODULES, default /lib/modules)"
param 'memory', Integer, default: 128, min: 64, max: 4096, description: 'MiB of memory per VM'

command('up', description: 'build the image with the key and roll the VMs to it') {
    def img = image 'images/web.yml', vars: [key: publicKey, kernel: kernel]
    group 'vms', template('groups/vms.json.ftl', vmlinux: img.vmlinux, initrd: img.initrd, cmdline: img.cmdline,
            hash: img.hash)
    echo "vms: ${size} VMs, each serving its hostname, image hash and key on its port 80"
}

command('down', description: 'destroy every VM of the group') {
    destroy 'vms'
}
