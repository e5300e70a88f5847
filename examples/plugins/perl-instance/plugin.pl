#!/usr/bin/env perl
# An InfraKit instance plugin written in Perl 5 with core modules alone (IO::Socket::UNIX, JSON::PP).
#
# Each instance is a JSON file named by its ID in one directory, holding {ID, LogicalID, Tags, Spec} as the `file`
# plugin writes it; deleting a file by hand is the instance dying. The plugin speaks InfraKit's wire protocol
# (docs/protocol.md): JSON-RPC 2.0 over HTTP/1.1 over a unix socket in the plugins directory.
#
#     perl plugin.pl --name NAME [--dir DIR]
#
# The socket is $INFRAKIT_PLUGINS_DIR/NAME (else $INFRAKIT_HOME/plugins/NAME, else ~/.infrakit/plugins/NAME); the
# instances are kept in DIR (else $INFRAKIT_HOME/instances/NAME). Each connection is served by a forked child, so
# calls run in parallel and a child that fails takes no other call with it. SIGTERM or SIGINT stops it and removes
# the socket.
use v5.36;
use B ();
use Errno qw(EINTR);
use Fcntl qw(:flock);
use File::Basename qw(dirname);
use File::Path qw(make_path);
use File::Spec;
use File::Temp qw(tempdir tempfile);
use Getopt::Long qw(GetOptionsFromArray);
use IO::Select;
use IO::Socket::UNIX;
use JSON::PP;
use POSIX qw(WNOHANG);
use Socket qw(SOCK_STREAM);

use constant {
    INTERFACE       => 'Instance/0.6.1',
    PREFIX          => 'instance-',
    MAX_HEAD_BYTES  => 64 * 1024,
    MAX_BODY_BYTES  => 16 * 1024 * 1024,
    # JSON-RPC error codes, as docs/protocol.md lists them.
    PARSE_ERROR     => -32700,
    INVALID_REQUEST => -32600,
    INVALID_PARAMS  => -32602,
    SERVER_ERROR    => -32000,
};

my $JSON = JSON::PP->new->utf8->canonical->allow_nonref->allow_bignum;
my $FILE_JSON = JSON::PP->new->utf8->canonical->pretty;
my $COMPACT = JSON::PP->new->allow_nonref->canonical;

sub log_line ($message) {
    print STDERR "perl-instance: $message\n";
}

# A failure the caller is told about: code -32000, the plain message, and its kind in `data` (InvalidSpec,
# InstanceNotFound, ...), which our Java client turns back into the same exception; Go clients read the message.
sub plugin_error ($message, $kind = 'Plugin', %details) {
    die { code => SERVER_ERROR, message => $message, data => { Kind => $kind, %details } };
}

# Params that do not decode: JSON-RPC's -32602, naming the field.
sub invalid_params ($message) {
    die { code => INVALID_PARAMS, message => "invalid params: $message", data => undef };
}

sub not_found ($id) {
    plugin_error("instance $id not found", 'InstanceNotFound', ID => $id);
}

# ---------------------------------------------------------------------------------------------------------------
# The instances: one JSON file each.

sub validate_properties ($properties) {
    if (defined $properties && ref $properties ne 'HASH') {
        plugin_error('file instance properties must be a JSON object, got ' . $COMPACT->encode($properties),
            'InvalidSpec');
    }
}

sub path_of ($dir, $id) {
    # Only an ID this plugin could have made; any other (a path, say) is not found.
    not_found($id) if index($id, PREFIX) != 0 || $id =~ m{[/\0]};
    return "$dir/$id";
}

sub read_instance ($path) {
    open(my $file, '<:raw', $path) or return undef;
    local $/;
    my $content = <$file>;
    my $instance = eval { $JSON->decode($content) };
    return ref $instance eq 'HASH' ? $instance : undef;
}

# Writes a temp file and renames it into place, so a reader never sees half a file. Without $replace an existing
# file is kept and false is answered: link() fails when the name is taken.
sub write_instance ($dir, $instance, $replace) {
    my ($file, $temp) = tempfile('.tmp-XXXXXXXX', DIR => $dir);
    binmode $file;
    print {$file} $FILE_JSON->encode($instance) or die "cannot write $temp: $!\n";
    close $file or die "cannot write $temp: $!\n";
    my $target = "$dir/$instance->{ID}";
    my $done = $replace ? rename($temp, $target) : link($temp, $target);
    my $error = $!;
    unlink $temp;
    die "cannot write $target: $error\n" if $replace && !$done;
    return $done;
}

sub random_id () {
    open(my $random, '<:raw', '/dev/urandom') or die "cannot read /dev/urandom: $!\n";
    read($random, my $bytes, 8) == 8 or die "cannot read /dev/urandom\n";
    return PREFIX . (unpack('Q', $bytes) >> 1);  # 63 bits, as the file plugin's IDs
}

sub provision ($dir, $spec) {
    validate_properties($spec->{Properties});
    my %instance = (LogicalID => $spec->{LogicalID}, Tags => $spec->{Tags} // {}, Spec => $spec);
    while (1) {
        $instance{ID} = random_id();
        return $instance{ID} if write_instance($dir, \%instance, 0);
    }
}

# Label reads, merges and writes: no other label, and no destroy that label would undo, may run in between, in
# any of the children serving other connections. The lock is released when $lock goes out of scope.
sub lock_labels ($dir) {
    open(my $lock, '>>', "$dir/.label-lock") or die "cannot open $dir/.label-lock: $!\n";
    flock($lock, LOCK_EX) or die "cannot lock $dir/.label-lock: $!\n";
    return $lock;
}

sub label ($dir, $id, $labels) {
    my $path = path_of($dir, $id);
    my $lock = lock_labels($dir);
    my $instance = read_instance($path) // not_found($id);
    $instance->{Tags} = { %{ $instance->{Tags} // {} }, %$labels };
    write_instance($dir, $instance, 1);
}

sub destroy ($dir, $id) {
    my $path = path_of($dir, $id);
    my $lock = lock_labels($dir);
    unlink($path) or not_found($id);
}

sub describe ($dir, $tags, $with_properties) {
    opendir(my $listing, $dir) or die "cannot list $dir: $!\n";
    my @names = sort grep { index($_, PREFIX) == 0 } readdir $listing;
    my @found;
    for my $name (@names) {
        # Gone meanwhile, or not an instance's JSON: one bad file hides no other instance.
        my $instance = read_instance("$dir/$name") // next;
        my $instance_tags = $instance->{Tags} // {};
        next if grep { !defined $instance_tags->{$_} || $instance_tags->{$_} ne $tags->{$_} } keys %$tags;
        my %description = (ID => $name, LogicalID => $instance->{LogicalID}, Tags => $instance_tags);
        $description{Properties} = $instance->{Spec} if $with_properties;
        push @found, \%description;
    }
    return \@found;
}

# ---------------------------------------------------------------------------------------------------------------
# The methods: params in, result out, as InfraKit's Go plugins key them.

sub is_string ($value) {
    return 0 if !defined $value || ref $value;
    my $flags = B::svref_2object(\$value)->FLAGS;
    return ($flags & B::SVf_POK) && !($flags & (B::SVf_IOK | B::SVf_NOK));
}

sub string_field ($params, $name) {
    my $value = $params->{$name};
    return '' unless defined $value;
    invalid_params("$name must be a string") unless is_string($value);
    return $value;
}

sub string_map ($params, $name) {
    my $values = $params->{$name} // {};
    invalid_params("$name must be an object") unless ref $values eq 'HASH';
    invalid_params("$name must map names to strings") if grep { !is_string($_) } values %$values;
    return $values;
}

# The `Type` a call carries: this plugin has one object, the default ("" or ".").
sub object_type ($params) {
    my $type = string_field($params, 'Type');
    plugin_error("no-plugin:$type") unless $type eq '' || $type eq '.';
    return $type;
}

sub required_instance ($params) {
    my $id = string_field($params, 'Instance');
    invalid_params('Instance is required') if $id eq '';
    return $id;
}

sub methods ($dir) {
    return {
        'Handshake.Hello' => sub ($params) {
            return { Objects => { INTERFACE() => [ { Name => '.', ProxyFor => '' } ] } };
        },
        'Instance.Validate' => sub ($params) {
            my $type = object_type($params);
            validate_properties($params->{Properties});
            return { Type => $type, OK => JSON::PP::true };
        },
        'Instance.Provision' => sub ($params) {
            my $type = object_type($params);
            my $spec = $params->{Spec} // {};
            invalid_params('Spec must be an object') unless ref $spec eq 'HASH';
            string_map($spec, 'Tags');
            return { Type => $type, ID => provision($dir, $spec) };
        },
        'Instance.Label' => sub ($params) {
            my $type = object_type($params);
            label($dir, required_instance($params), string_map($params, 'Labels'));
            return { Type => $type, OK => JSON::PP::true };
        },
        'Instance.Destroy' => sub ($params) {
            my $type = object_type($params);
            destroy($dir, required_instance($params));
            return { Type => $type, OK => JSON::PP::true };
        },
        'Instance.DescribeInstances' => sub ($params) {
            my $type = object_type($params);
            my $with_properties = $params->{Properties};
            invalid_params('Properties must be a boolean')
                if defined $with_properties && !JSON::PP::is_bool($with_properties);
            return { Type => $type,
                Descriptions => describe($dir, string_map($params, 'Tags'), $with_properties ? 1 : 0) };
        },
    };
}

# GET /info/api.json: what the plugin implements, with an example request and answer of each method.
sub api_document () {
    my %tags = ('infrakit.group' => 'workers');
    my $ok = { Type => '', OK => JSON::PP::true };
    my @examples = (
        [ 'Instance.Validate', { Type => '', Properties => { Note => 'example' } }, $ok ],
        [ 'Instance.Provision', { Type => '', Spec => { Properties => { Note => 'example' }, Tags => \%tags } },
            { Type => '', ID => 'instance-1' } ],
        [ 'Instance.Label', { Type => '', Instance => 'instance-1', Labels => \%tags }, $ok ],
        [ 'Instance.Destroy', { Type => '', Instance => 'instance-1', Context => { Reason => 'terminate' } }, $ok ],
        [ 'Instance.DescribeInstances', { Type => '', Tags => \%tags, Properties => JSON::PP::false },
            { Type => '', Descriptions => [ { ID => 'instance-1', LogicalID => undef, Tags => \%tags } ] } ],
    );
    my ($name, $version) = split m{/}, INTERFACE;
    return {
        Vendor     => { Name => 'perl-instance (an example)', Version => '0.1.0', URL => '' },
        Implements => [ { Name => $name, Version => $version } ],
        Interfaces => [ { Name => $name, Version => $version, Methods => [ map { {
            Request  => { jsonrpc => '2.0', method => $_->[0], params => $_->[1], id => '1' },
            Response => { result => $_->[2], id => '1' } } } @examples ] } ],
    };
}

# ---------------------------------------------------------------------------------------------------------------
# JSON-RPC 2.0: one request per POST, always HTTP 200 with a result or an error.

sub rpc_error ($id, $code, $message, $data = undef) {
    return { jsonrpc => '2.0', error => { code => $code, message => $message, data => $data }, id => $id };
}

# The answer to one request body; never dies.
sub dispatch ($methods, $body) {
    return rpc_error(undef, PARSE_ERROR, 'parse error: empty request') if $body !~ /\S/;
    my $request = eval { $JSON->decode($body) };
    if (my $failure = $@) {
        $failure =~ s/\s+at \S+ line \d+\.?\s*$//;
        return rpc_error(undef, PARSE_ERROR, "parse error: $failure");
    }
    return rpc_error(undef, INVALID_REQUEST, 'invalid request: expected one JSON object')
        unless ref $request eq 'HASH';
    my $id = $request->{id};
    return rpc_error($id, INVALID_REQUEST, 'invalid request: jsonrpc must be "2.0"')
        unless is_string($request->{jsonrpc}) && $request->{jsonrpc} eq '2.0';
    my $method = $request->{method};
    return rpc_error($id, INVALID_REQUEST, 'invalid request: method must be a string') unless is_string($method);
    my $handler = $methods->{$method} // return rpc_error($id, SERVER_ERROR, qq{rpc: can't find method "$method"});
    my $params = $request->{params};
    # gorilla's codec also takes the object wrapped in a one-element array
    $params = $params->[0] if ref $params eq 'ARRAY' && @$params == 1;
    $params //= {};
    return rpc_error($id, INVALID_PARAMS, 'invalid params: expected one JSON object') unless ref $params eq 'HASH';
    my $result = eval { $handler->($params) };
    return { jsonrpc => '2.0', result => $result, id => $id } unless $@;
    my $failure = $@;
    return rpc_error($id, $failure->{code}, $failure->{message}, $failure->{data}) if ref $failure eq 'HASH';
    chomp $failure;  # a bug or a full disk: the caller gets one line
    log_line("$method failed: $failure");
    return rpc_error($id, SERVER_ERROR, "$method failed: $failure", { Kind => 'Plugin' });
}

# ---------------------------------------------------------------------------------------------------------------
# HTTP/1.1, as much of it as a JSON-RPC client needs: keep-alive, Content-Length bodies.

my %REASONS = (200 => 'OK', 400 => 'Bad Request', 404 => 'Not Found', 405 => 'Method Not Allowed',
    411 => 'Length Required', 413 => 'Payload Too Large', 415 => 'Unsupported Media Type');

sub respond ($connection, $status, $type, $body, %headers) {
    my $head = "HTTP/1.1 $status $REASONS{$status}\r\nContent-Type: $type\r\nContent-Length: "
        . length($body) . "\r\n" . join('', map { "$_: $headers{$_}\r\n" } sort keys %headers) . "\r\n";
    my $out = $head . $body;
    while (length $out) {
        my $written = syswrite($connection, $out);
        return 0 unless $written;
        substr($out, 0, $written) = '';
    }
    return 1;
}

sub answer_request ($methods, $method, $path, $headers, $body) {
    my $json = 'application/json; charset=utf-8';
    my $text = 'text/plain; charset=utf-8';
    if ($method eq 'POST') {
        my $content_type = $headers->{'content-type'};
        my $media = lc((split /;/, $content_type // '')[0] // '') =~ s/^\s+|\s+$//gr;
        return (415, $text, 'rpc: unrecognized Content-Type: ' . ($content_type // '') . " (send application/json)\n")
            unless $media eq 'application/json';
        return (200, $json, $JSON->encode(dispatch($methods, $body)));
    }
    if ($method eq 'GET') {
        return (200, $json, $JSON->encode(api_document())) if $path eq '/info/api.json';
        return (200, $json, '{}') if $path eq '/info/functions.json';
        return (404, $text, "not found\n");
    }
    return (405, $text, "rpc: POST method required\n", Allow => 'GET, POST');
}

# Reads more of the connection; false when it is closed, or when the plugin's main process is gone (killed with
# SIGKILL, it could not stop this child): a client's idle connection does not keep an orphan alive for long.
sub read_more ($connection, $buffer, $parent) {
    my $ready = IO::Select->new($connection);
    until ($ready->can_read(1)) {
        return 0 if getppid() != $parent;
    }
    return sysread($connection, $$buffer, 65536, length $$buffer);
}

sub serve_connection ($connection, $methods, $parent) {
    my $buffer = '';
    while (1) {
        my $end;
        until (($end = index($buffer, "\r\n\r\n")) >= 0) {
            return if length($buffer) > MAX_HEAD_BYTES;
            read_more($connection, \$buffer, $parent) or return;  # the client closed the connection
        }
        my ($line, @lines) = split /\r\n/, substr($buffer, 0, $end);
        substr($buffer, 0, $end + 4) = '';
        my ($method, $path, $version) = ($line // '') =~ m{^([A-Z]+) (\S+) HTTP/(1\.[01])$};
        unless ($method) {
            respond($connection, 400, 'text/plain; charset=utf-8', "malformed request line\n", Connection => 'close');
            return;
        }
        my %headers = map { /^([^:]+):\s*(.*?)\s*$/ ? (lc $1 => $2) : () } @lines;
        my $length = $headers{'content-length'};
        if (!defined $length && ($method eq 'POST' || defined $headers{'transfer-encoding'})) {
            respond($connection, 411, 'text/plain; charset=utf-8', "a POST needs a Content-Length\n",
                Connection => 'close');
            return;
        }
        $length //= 0;
        if ($length !~ /^\d+$/ || $length > MAX_BODY_BYTES) {
            respond($connection, 413, 'text/plain; charset=utf-8',
                'a body is at most ' . MAX_BODY_BYTES . " bytes\n", Connection => 'close');
            return;
        }
        while (length($buffer) < $length) {
            read_more($connection, \$buffer, $parent) or return;
        }
        my $body = substr($buffer, 0, $length, '');
        my $close = $version eq '1.0' || lc($headers{connection} // '') eq 'close';
        my ($status, $type, $content, %extra) = answer_request($methods, $method, $path, \%headers, $body);
        $extra{Connection} = 'close' if $close;
        respond($connection, $status, $type, $content, %extra) or return;
        return if $close;
    }
}

# ---------------------------------------------------------------------------------------------------------------
# The socket: private to this user from the start, and removed when the plugin stops.

sub home_directory () {
    return $ENV{INFRAKIT_HOME} || File::Spec->catdir((getpwuid($<))[7] // $ENV{HOME}, '.infrakit');
}

sub plugins_directory () {
    return $ENV{INFRAKIT_PLUGINS_DIR} || File::Spec->catdir(home_directory(), 'plugins');
}

# A socket left by a killed plugin is removed; one that answers is another plugin running under this name.
sub remove_stale_socket ($path) {
    return unless -e $path || -l $path;
    die "perl-instance: $path exists and is not a socket; not touching it\n" unless -S $path;
    die "perl-instance: a plugin is already running on $path\n"
        if IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $path);
    unlink $path or die "perl-instance: cannot remove stale socket $path: $!\n";
    log_line("removed stale socket $path");
}

# Binds in a fresh 0700 directory, makes the socket 0600 there, and only then renames it into place: binding in
# place and chmod-ing after would leave a moment in which any local user can connect (docs/security.md).
sub bind_privately ($target) {
    my $directory = tempdir('.sXXXXXX', DIR => dirname($target));  # made 0700
    my $bound = "$directory/s";
    my $listener = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $bound, Listen => 128);
    my $error = $!;
    my $placed = $listener && chmod(0600, $bound) && rename($bound, $target);
    $error = $! if $listener && !$placed;
    unlink $bound;
    rmdir $directory;
    die "perl-instance: cannot listen on $target: $error\n" unless $placed;
    return $listener;
}

sub main (@argv) {
    my ($name, $dir);
    GetOptionsFromArray(\@argv, 'name=s' => \$name, 'dir=s' => \$dir)
        or die "usage: perl plugin.pl --name NAME [--dir DIR]\n";
    die "usage: perl plugin.pl --name NAME [--dir DIR]\n" unless defined $name;
    die "perl-instance: --name '$name': use letters, digits, '.', '_' and '-'\n"
        unless $name =~ /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

    $dir = File::Spec->rel2abs($dir // File::Spec->catdir(home_directory(), 'instances', $name));
    make_path($dir, { mode => 0700 });
    opendir(my $listing, $dir) or die "perl-instance: cannot list $dir: $!\n";
    # Writes cut short when a predecessor was killed.
    unlink map { "$dir/$_" } grep { /^\.tmp-/ } readdir $listing;
    closedir $listing;
    my $plugins = File::Spec->rel2abs(plugins_directory());
    make_path($plugins, { mode => 0700 });
    my $target = "$plugins/$name";
    remove_stale_socket($target);
    my $listener = bind_privately($target);
    my $inode = (lstat $target)[1];
    my $methods = methods($dir);

    my %children;
    my $stopping;
    $SIG{PIPE} = 'IGNORE';
    $SIG{CHLD} = sub { while ((my $child = waitpid(-1, WNOHANG)) > 0) { delete $children{$child} } };
    $SIG{TERM} = $SIG{INT} = sub ($signal) { log_line("stopping on SIG$signal") unless $stopping; $stopping = 1 };
    log_line("plugin $name listening on $target, instances in $dir");

    # A SIGTERM that lands between the loop's test and accept() would leave accept() waiting for a connection that
    # may never come: the loop looks again at least every half second.
    my $incoming = IO::Select->new($listener);
    until ($stopping) {
        next unless $incoming->can_read(0.5);
        my $connection = $listener->accept;
        unless ($connection) {
            next if $! == EINTR;
            log_line("accept failed: $!");
            next;
        }
        my $parent = $$;
        my $child = fork;
        if (!defined $child) {
            log_line("cannot fork: $!");
        } elsif ($child == 0) {
            $SIG{$_} = 'DEFAULT' for qw(TERM INT CHLD);
            close $listener;
            serve_connection($connection, $methods, $parent);
            POSIX::_exit(0);
        } else {
            $children{$child} = 1;
        }
        close $connection;
    }
    close $listener;
    unlink $target if ((lstat $target)[1] // -1) == $inode;  # still ours, not a successor's
    kill 'TERM', keys %children;  # connections a client keeps open
    log_line("stopped; removed $target");
    return 0;
}

exit main(@ARGV);
