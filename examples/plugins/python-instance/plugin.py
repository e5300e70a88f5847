#!/usr/bin/env python3
"""An InfraKit instance plugin written with Python's standard library alone.

Each instance is a JSON file named by its ID in one directory, holding {ID, LogicalID, Tags, Spec} as the
`file` plugin writes it; deleting a file by hand is the instance dying. The plugin speaks InfraKit's wire
protocol (docs/protocol.md): JSON-RPC 2.0 over HTTP/1.1 over a unix socket in the plugins directory.

    python3 plugin.py --name NAME [--dir DIR]

The socket is $INFRAKIT_PLUGINS_DIR/NAME (else $INFRAKIT_HOME/plugins/NAME, else ~/.infrakit/plugins/NAME); the
instances are kept in DIR (else $INFRAKIT_HOME/instances/NAME). SIGTERM or SIGINT stops it and removes the socket.
"""

import argparse
import http.server
import json
import os
import re
import secrets
import signal
import socket
import socketserver
import stat
import sys
import tempfile
import threading

INTERFACE = "Instance/0.6.1"
PREFIX = "instance-"
TEMP_PREFIX = ".tmp-"
MAX_BODY_BYTES = 16 * 1024 * 1024
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

# JSON-RPC error codes, as docs/protocol.md lists them.
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
SERVER_ERROR = -32000


def log(message):
    print("python-instance: " + message, file=sys.stderr, flush=True)


class PluginError(Exception):
    """A failure the caller is told about: code -32000, the plain message, and its kind in `data`.

    The kind lets our Java client throw the same exception the plugin meant (InvalidSpec, InstanceNotFound);
    InfraKit's Go clients ignore `data` and read the message alone.
    """

    def __init__(self, message, kind="Plugin", **details):
        super().__init__(message)
        self.data = {"Kind": kind, **details}


class InvalidParams(Exception):
    """Params that do not decode: JSON-RPC's -32602, naming the field."""


def not_found(instance_id):
    return PluginError("instance %s not found" % instance_id, "InstanceNotFound", ID=instance_id)


# ----------------------------------------------------------------------------------------------------------------
# The instances: one JSON file each.


class InstanceFiles:
    def __init__(self, directory):
        self.directory = os.path.abspath(directory)
        os.makedirs(self.directory, mode=0o700, exist_ok=True)
        for name in os.listdir(self.directory):
            if name.startswith(TEMP_PREFIX):
                os.remove(os.path.join(self.directory, name))  # a write cut short when a predecessor was killed
        # Label reads, merges and writes: no other label, and no destroy that label would undo, in between.
        self.lock = threading.Lock()

    def validate(self, properties):
        if properties is not None and not isinstance(properties, dict):
            raise PluginError("file instance properties must be a JSON object, got " + compact(properties),
                              "InvalidSpec")

    def provision(self, spec):
        self.validate(spec.get("Properties"))
        instance = {"ID": None, "LogicalID": spec.get("LogicalID"), "Tags": spec.get("Tags") or {}, "Spec": spec}
        while True:
            instance["ID"] = PREFIX + str(secrets.randbelow(2 ** 63))
            if self._write(instance, replace=False):
                return instance["ID"]

    def label(self, instance_id, labels):
        path = self._path_of(instance_id)
        with self.lock:
            instance = self._read(path)
            if instance is None:
                raise not_found(instance_id)
            instance["Tags"] = {**(instance.get("Tags") or {}), **labels}
            self._write(instance, replace=True)

    def destroy(self, instance_id):
        path = self._path_of(instance_id)
        with self.lock:
            try:
                os.remove(path)
            except FileNotFoundError:
                raise not_found(instance_id) from None

    def describe(self, tags, with_properties):
        found = []
        for name in sorted(os.listdir(self.directory)):
            if not name.startswith(PREFIX):
                continue
            instance = self._read(os.path.join(self.directory, name))
            if instance is None:
                continue  # gone meanwhile, or not an instance's JSON: one bad file hides no other instance
            instance_tags = instance.get("Tags") or {}
            if all(instance_tags.get(key) == value for key, value in tags.items()):
                description = {"ID": name, "LogicalID": instance.get("LogicalID"), "Tags": instance_tags}
                if with_properties:
                    description["Properties"] = instance.get("Spec")
                found.append(description)
        return found

    def _path_of(self, instance_id):
        """The file of an ID this plugin could have made; any other ID (a path, say) is not found."""
        if not instance_id.startswith(PREFIX) or "/" in instance_id or "\0" in instance_id:
            raise not_found(instance_id)
        return os.path.join(self.directory, instance_id)

    @staticmethod
    def _read(path):
        try:
            with open(path, "rb") as file:
                instance = json.loads(file.read())
            return instance if isinstance(instance, dict) else None
        except (FileNotFoundError, ValueError, RecursionError):
            return None

    def _write(self, instance, replace):
        """Writes a temp file and renames it into place, so a reader never sees half a file.

        Without `replace`, an existing file is kept and False is answered (a link fails if the name is taken).
        """
        descriptor, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.directory)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(instance, file, indent=2, sort_keys=True)
            if replace:
                os.replace(temp, os.path.join(self.directory, instance["ID"]))
                return True
            try:
                os.link(temp, os.path.join(self.directory, instance["ID"]))
                return True
            except FileExistsError:
                return False
        finally:
            if os.path.exists(temp):
                os.remove(temp)


def compact(value):
    return json.dumps(value, separators=(",", ":"))


# ----------------------------------------------------------------------------------------------------------------
# The methods: params in, result out, as InfraKit's Go plugins key them.


def field(params, name, kind, default):
    value = params.get(name, default)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise InvalidParams("invalid params: %s must be %s" % (name, describe_kind(kind)))
    return value


def describe_kind(kind):
    return {str: "a string", dict: "an object", bool: "a boolean"}.get(kind, kind.__name__)


def string_map(params, name):
    values = field(params, name, dict, {})
    if not all(isinstance(value, str) for value in values.values()):
        raise InvalidParams("invalid params: %s must map names to strings" % name)
    return values


def object_type(params):
    """The `Type` a call carries: this plugin has one object, the default ("" or ".")."""
    object_type = field(params, "Type", str, "")
    if object_type not in ("", "."):
        raise PluginError("no-plugin:" + object_type)
    return object_type


def methods(instances):
    def hello(params):
        return {"Objects": {INTERFACE: [{"Name": ".", "ProxyFor": ""}]}}

    def validate(params):
        kind = object_type(params)
        instances.validate(params.get("Properties"))
        return {"Type": kind, "OK": True}

    def provision(params):
        kind = object_type(params)
        spec = field(params, "Spec", dict, {})
        if not isinstance(spec.get("Tags") or {}, dict):
            raise InvalidParams("invalid params: Spec.Tags must be an object")
        return {"Type": kind, "ID": instances.provision(spec)}

    def label(params):
        kind = object_type(params)
        instances.label(required_instance(params), string_map(params, "Labels"))
        return {"Type": kind, "OK": True}

    def destroy(params):
        kind = object_type(params)
        instances.destroy(required_instance(params))
        return {"Type": kind, "OK": True}

    def describe(params):
        kind = object_type(params)
        found = instances.describe(string_map(params, "Tags"), field(params, "Properties", bool, False))
        return {"Type": kind, "Descriptions": found}

    return {
        "Handshake.Hello": hello,
        "Instance.Validate": validate,
        "Instance.Provision": provision,
        "Instance.Label": label,
        "Instance.Destroy": destroy,
        "Instance.DescribeInstances": describe,
    }


def required_instance(params):
    instance_id = field(params, "Instance", str, None)
    if not instance_id:
        raise InvalidParams("invalid params: Instance is required")
    return instance_id


def api_document():
    """GET /info/api.json: what the plugin implements, with an example request and answer of each method."""
    tags = {"infrakit.group": "workers"}
    examples = [
        ("Instance.Validate", {"Type": "", "Properties": {"Note": "example"}}, {"Type": "", "OK": True}),
        ("Instance.Provision", {"Type": "", "Spec": {"Properties": {"Note": "example"}, "Tags": tags}},
         {"Type": "", "ID": "instance-1"}),
        ("Instance.Label", {"Type": "", "Instance": "instance-1", "Labels": tags}, {"Type": "", "OK": True}),
        ("Instance.Destroy", {"Type": "", "Instance": "instance-1", "Context": {"Reason": "terminate"}},
         {"Type": "", "OK": True}),
        ("Instance.DescribeInstances", {"Type": "", "Tags": tags, "Properties": False},
         {"Type": "", "Descriptions": [{"ID": "instance-1", "LogicalID": None, "Tags": tags}]}),
    ]
    name, version = INTERFACE.split("/")
    return {
        "Vendor": {"Name": "python-instance (an example)", "Version": "0.1.0", "URL": ""},
        "Implements": [{"Name": name, "Version": version}],
        "Interfaces": [{"Name": name, "Version": version, "Methods": [
            {"Request": {"jsonrpc": "2.0", "method": method, "params": params, "id": "1"},
             "Response": {"result": result, "id": "1"}} for method, params, result in examples]}],
    }


# ----------------------------------------------------------------------------------------------------------------
# JSON-RPC 2.0: one request per POST, always HTTP 200 with a result or an error.


def dispatch(table, body):
    """The answer to one request body, as a dict; never raises."""
    try:
        request = json.loads(body.decode("utf-8")) if body.strip() else None
    except (UnicodeDecodeError, ValueError) as e:
        return error(None, PARSE_ERROR, "parse error: %s" % e)
    except RecursionError:
        return error(None, PARSE_ERROR, "parse error: nested too deeply")
    if request is None:
        return error(None, PARSE_ERROR, "parse error: empty request")
    if not isinstance(request, dict):
        return error(None, INVALID_REQUEST, "invalid request: expected one JSON object")
    request_id = request.get("id")
    if request.get("jsonrpc") != "2.0":
        return error(request_id, INVALID_REQUEST, 'invalid request: jsonrpc must be "2.0"')
    method = request.get("method")
    if not isinstance(method, str):
        return error(request_id, INVALID_REQUEST, "invalid request: method must be a string")
    handler = table.get(method)
    if handler is None:
        return error(request_id, SERVER_ERROR, 'rpc: can\'t find method "%s"' % method)
    params = request.get("params")
    if isinstance(params, list) and len(params) == 1:
        params = params[0]  # gorilla's codec also takes the object wrapped in a one-element array
    if params is None:
        params = {}
    if not isinstance(params, dict):
        return error(request_id, INVALID_PARAMS, "invalid params: expected one JSON object")
    try:
        return {"jsonrpc": "2.0", "result": handler(params), "id": request_id}
    except InvalidParams as e:
        return error(request_id, INVALID_PARAMS, str(e))
    except PluginError as e:
        return error(request_id, SERVER_ERROR, str(e), e.data)
    except Exception as e:  # a bug or a full disk: the caller gets one line, the log the type
        log("%s failed: %s: %s" % (method, type(e).__name__, e))
        return error(request_id, SERVER_ERROR, "%s failed: %s" % (method, e), {"Kind": "Plugin"})


def error(request_id, code, message, data=None):
    return {"jsonrpc": "2.0", "error": {"code": code, "message": message, "data": data}, "id": request_id}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: our client and Go's reuse connections
    default_request_version = "HTTP/1.1"  # so a request that is not HTTP at all gets a 400 with headers

    def version_string(self):
        return "python-instance"

    def do_POST(self):
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit() or int(length) > MAX_BODY_BYTES:
            self.answer(411 if length is None else 413, "text/plain; charset=utf-8",
                        b"a POST needs a Content-Length of at most %d bytes\n" % MAX_BODY_BYTES, close=True)
            return
        body = self.rfile.read(int(length))
        content_type = self.headers.get("Content-Type")
        if content_type is None or content_type.split(";")[0].strip().lower() != "application/json":
            self.answer(415, "text/plain; charset=utf-8",
                        ("rpc: unrecognized Content-Type: %s (send application/json)\n" % content_type).encode())
            return
        answer = dispatch(self.server.methods, body)
        self.answer(200, "application/json; charset=utf-8", json.dumps(answer).encode("utf-8"))

    def do_GET(self):
        if self.path == "/info/api.json":
            self.answer(200, "application/json; charset=utf-8", json.dumps(api_document()).encode("utf-8"))
        elif self.path == "/info/functions.json":
            self.answer(200, "application/json; charset=utf-8", b"{}")
        else:
            self.answer(404, "text/plain; charset=utf-8", b"not found\n")

    def not_allowed(self):
        self.answer(405, "text/plain; charset=utf-8", b"rpc: POST method required\n", allow="GET, POST")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = not_allowed

    def answer(self, status, content_type, body, allow=None, close=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if allow:
            self.send_header("Allow", allow)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def address_string(self):
        return "unix"  # a unix socket's peer has no address

    def log_message(self, format, *args):
        pass  # no line per call: the log is for starts, stops and failures

    def log_error(self, format, *args):
        log(format % args)


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True  # a connection kept open by a client does not hold up the stop

    def handle_error(self, request, client_address):
        log("a connection failed: %s" % (sys.exc_info()[1],))  # one line, and the plugin serves on


# ----------------------------------------------------------------------------------------------------------------
# The socket: private to this user from the start, and removed when the plugin stops.


def plugins_directory():
    if os.environ.get("INFRAKIT_PLUGINS_DIR"):
        return os.environ["INFRAKIT_PLUGINS_DIR"]
    return os.path.join(home_directory(), "plugins")


def home_directory():
    return os.environ.get("INFRAKIT_HOME") or os.path.join(os.path.expanduser("~"), ".infrakit")


def answers(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(path)
            return True
        except (ConnectionRefusedError, FileNotFoundError):
            return False


def remove_stale_socket(path):
    """A socket left by a killed plugin is removed; one that answers is another plugin running under this name."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(mode):
        raise SystemExit("python-instance: %s exists and is not a socket; not touching it" % path)
    if answers(path):
        raise SystemExit("python-instance: a plugin is already running on %s" % path)
    os.remove(path)
    log("removed stale socket " + path)


def bind_privately(server_factory, target):
    """Binds in a fresh 0700 directory, makes the socket 0600 there, and only then renames it into place.

    Binding in place and chmod-ing after would leave a moment in which any local user can connect
    (docs/security.md); inside the private directory nobody else can reach it, whatever the umask.
    """
    directory = tempfile.mkdtemp(prefix=".s", dir=os.path.dirname(target))  # mkdtemp makes it 0700
    bound = os.path.join(directory, "s")
    try:
        server = server_factory(bound)
        os.chmod(bound, 0o600)
        os.rename(bound, target)
        return server
    finally:
        if os.path.lexists(bound):
            os.remove(bound)
        os.rmdir(directory)


def main(argv):
    parser = argparse.ArgumentParser(description="An InfraKit instance plugin keeping instances as JSON files.")
    parser.add_argument("--name", required=True, help="the plugin's name: its socket's name and what specs call it")
    parser.add_argument("--dir", help="where the instance files are (default $INFRAKIT_HOME/instances/NAME)")
    args = parser.parse_args(argv)
    if not NAME_PATTERN.match(args.name):
        parser.error("--name %r: use letters, digits, '.', '_' and '-'" % args.name)

    instances = InstanceFiles(args.dir or os.path.join(home_directory(), "instances", args.name))
    plugins = plugins_directory()
    os.makedirs(plugins, mode=0o700, exist_ok=True)
    target = os.path.join(os.path.abspath(plugins), args.name)
    remove_stale_socket(target)

    def server_factory(bound):
        server = Server(bound, Handler)
        server.methods = methods(instances)
        return server

    server = bind_privately(server_factory, target)
    bound_inode = os.lstat(target).st_ino

    def stop(signum, frame):
        log("stopping on %s" % signal.Signals(signum).name)
        threading.Thread(target=server.shutdown).start()  # shutdown() waits for serve_forever: not on its thread

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log("plugin %s listening on %s, instances in %s" % (args.name, target, instances.directory))
    try:
        server.serve_forever(poll_interval=0.1)  # how soon a stop is noticed
    finally:
        server.server_close()
        try:
            if os.lstat(target).st_ino == bound_inode:  # still ours, not a successor's
                os.remove(target)
        except FileNotFoundError:
            pass
    log("stopped; removed " + target)


if __name__ == "__main__":
    main(sys.argv[1:])
