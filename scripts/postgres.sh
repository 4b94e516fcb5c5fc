#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for Evident's tests, CI and development.
#
#   scripts/postgres.sh start DIR   initdb into DIR, start on a free loopback port with TLS and
#                                   scram-sha-256, write DIR/env (source it), DIR/ca.pem
#   scripts/postgres.sh stop DIR    stop the server (fast) and remove DIR
#   scripts/postgres.sh env DIR     print DIR/env
#
# Uses PostgreSQL 15 from /usr/lib/postgresql/15/bin, else `pg_config --bindir`, else the newest
# /usr/lib/postgresql/*/bin of version 14 or later; installs Debian's `postgresql` when none is found.
# initdb refuses root: as root the cluster runs as the `postgres` user, and when that user cannot
# reach DIR (a clone under /root) the data lives in a folder under /tmp that DIR/cluster points to.
set -euo pipefail

say() { echo "postgres.sh: $*"; }
die() { echo "postgres.sh: error: $1" >&2; [ -z "${2:-}" ] || echo "hint: $2" >&2; exit 1; }
usage() { echo "usage: scripts/postgres.sh start|stop|env DIR" >&2; exit 64; }

[ $# -eq 2 ] || usage
command=$1
dir=$(realpath -m -- "$2")
marker=$dir/.evident-postgres
is_root() { [ "$(id -u)" -eq 0 ]; }
sudo_if_needed() { if is_root; then "$@"; else sudo "$@"; fi; }
# $1 in single quotes, for a line that a shell reads back.
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
# $1 as a postgresql.conf string.
conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# The major version of the server in bin folder $1 (0 when there is none).
server_version() {
  [ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ] && [ -x "$1/postgres" ] || { echo 0; return; }
  "$1/postgres" --version 2>/dev/null | sed -nE 's/^[^0-9]*([0-9]+).*/\1/p' | head -1
}

# The bin folder of a PostgreSQL server of version 14 or later, empty when there is none.
find_bindir() {
  local candidates=(/usr/lib/postgresql/15/bin)
  command -v pg_config >/dev/null 2>&1 && candidates+=("$(pg_config --bindir 2>/dev/null || true)")
  local others
  others=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn || true)
  [ -z "$others" ] || mapfile -t -O "${#candidates[@]}" candidates <<<"$others"
  local bindir version
  for bindir in "${candidates[@]}"; do
    [ -n "$bindir" ] || continue
    version=$(server_version "$bindir")
    if [ "${version:-0}" -ge 14 ]; then echo "$bindir"; return; fi
  done
}

install_server() {
  command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server (14 or later) found and no apt-get to install one" \
    "install PostgreSQL 14 or later so that initdb and pg_ctl are in /usr/lib/postgresql/VERSION/bin"
  say "installing Debian's postgresql (no server binaries found)…"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql openssl >/dev/null
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' && return
  fi
  local port attempt
  for attempt in $(seq 1 200); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free loopback port found"
}

# The folder holding data/, run/ and the server's key: DIR itself, or where DIR/cluster points.
cluster_of() { if [ -L "$1/cluster" ]; then readlink -f "$1/cluster"; else echo "$1"; fi; }

# Runs a command as the cluster's owner (postgres when root), from a folder that user can read.
as_owner() {
  if is_root; then (cd "$cluster" && runuser -u postgres -- "$@"); else (cd "$cluster" && "$@"); fi
}

start() {
  local bindir version
  bindir=$(find_bindir)
  if [ -z "$bindir" ]; then install_server; bindir=$(find_bindir); fi
  [ -n "$bindir" ] || die "PostgreSQL was installed but no initdb of version 14 or later was found"
  version=$(server_version "$bindir")
  command -v openssl >/dev/null 2>&1 || install_server
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server as" \
      "install Debian's postgresql-common (it creates the user), or run this script as a normal user"
  fi

  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    [ -e "$marker" ] || die "$dir exists and is not an Evident test cluster" "choose an empty or new folder"
    cluster=$(cluster_of "$dir")
    if [ -f "$dir/env" ] && [ -d "$cluster/data" ] && as_owner "$bindir/pg_ctl" -D "$cluster/data" status >/dev/null 2>&1; then
      say "already running; source $dir/env"
      return
    fi
    say "removing the stopped cluster left in $dir"
    remove_cluster
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  touch "$marker"

  # Where the data lives: DIR, unless the server's user cannot reach it or the socket path is too long.
  cluster=$dir
  if is_root; then chown postgres: "$dir"; fi
  if { is_root && ! runuser -u postgres -- test -w "$dir" 2>/dev/null; } || [ ${#dir} -gt 80 ]; then
    cluster=$(mktemp -d /tmp/evident-pg.XXXXXX)
    ln -s "$cluster" "$dir/cluster"
  fi
  mkdir -p "$cluster/run"
  if is_root; then chown -R postgres: "$cluster"; fi
  chmod 700 "$cluster"

  # TLS: a CA of its own (DIR/ca.pem) and a server certificate for 127.0.0.1, ::1 and localhost.
  local tls
  tls=$(mktemp -d)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=Evident test CA" -keyout "$tls/ca.key" -out "$dir/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=127.0.0.1" -keyout "$cluster/server.key" -out "$tls/server.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" > "$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$dir/ca.pem" -CAkey "$tls/ca.key" -CAserial "$tls/ca.srl" -CAcreateserial \
    -days 30 -extfile "$tls/server.ext" -out "$cluster/server.crt" 2>/dev/null
  rm -rf "$tls"
  chmod 600 "$cluster/server.key"
  chmod 644 "$dir/ca.pem"
  if is_root; then chown postgres: "$cluster/server.key" "$cluster/server.crt"; fi

  # The cluster, its superuser evident_admin with a random password, scram-sha-256 everywhere.
  local password
  password=$(openssl rand -hex 16)
  (umask 077; echo "$password" > "$cluster/pwfile")
  if is_root; then chown postgres: "$cluster/pwfile"; fi
  as_owner "$bindir/initdb" -D "$cluster/data" -U evident_admin --pwfile="$cluster/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync >"$cluster/initdb.log" 2>&1 \
    || { cat "$cluster/initdb.log" >&2; die "initdb failed (its output is above)"; }
  rm -f "$cluster/pwfile" "$cluster/initdb.log"
  as_owner tee "$cluster/data/pg_hba.conf" >/dev/null <<EOF
# Evident test cluster: password (scram-sha-256) logins only, from loopback or the socket in run/.
local all all               scram-sha-256
host  all all 127.0.0.1/32  scram-sha-256
host  all all ::1/128       scram-sha-256
EOF
  as_owner tee -a "$cluster/data/postgresql.conf" >/dev/null <<EOF

# Evident test cluster (scripts/postgres.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = $(conf_quote "$cluster/run")
password_encryption = 'scram-sha-256'
ssl = on
ssl_cert_file = $(conf_quote "$cluster/server.crt")
ssl_key_file = $(conf_quote "$cluster/server.key")
max_connections = 200
# Throwaway data: no fsync (a killed server still keeps what the OS was given).
fsync = off
include 'port.conf'
EOF

  # Start on a free port; another process may take it first, so try a few.
  local port="" attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    echo "port = $port" | as_owner tee "$cluster/data/port.conf" >/dev/null
    if as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/postgres.log" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    port=""
    tail -5 "$cluster/postgres.log" 2>/dev/null | grep -q "could not bind\|already in use" || break
  done
  [ -n "$port" ] || { tail -20 "$cluster/postgres.log" >&2 || true
    die "the server did not start (its log is above: $cluster/postgres.log)" "scripts/postgres.sh stop $dir removes what was left"; }

  local ctl
  ctl="cd $(quote "$cluster") &&"
  if is_root; then ctl+=" runuser -u postgres --"; fi
  ctl+=" $(quote "$bindir/pg_ctl") -D $(quote "$cluster/data") -l $(quote "$cluster/postgres.log")"
  (umask 077; cat > "$dir/env" <<EOF
# Evident test server, PostgreSQL $version on 127.0.0.1:$port (scripts/postgres.sh). Source this file.
# Stop it with: scripts/postgres.sh stop $(quote "$dir")
export EVIDENT_TEST_DATABASE_URL='postgres://evident_admin@127.0.0.1:$port/postgres?sslmode=require'
export PGPASSWORD=$password
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=evident_admin PGDATABASE=postgres
# The server's CA: Evident reads the root CA for sslmode=verify-full from sslrootcert=PATH in the
# URL or from \$PGSSLROOTCERT (as psql does).
export PGSSLROOTCERT=$(quote "$dir/ca.pem")
export EVIDENT_TEST_PG_DIR=$(quote "$dir")
export EVIDENT_TEST_PG_BIN=$(quote "$bindir")
# Append a pg_ctl subcommand, e.g. \`sh -c "\$EVIDENT_TEST_PG_CTL restart -m fast"\`.
export EVIDENT_TEST_PG_CTL=$(quote "$ctl")
EOF
  )
  say "PostgreSQL $version listening on 127.0.0.1:$port (TLS, scram-sha-256); source $dir/env"
}

# Stops the server if it runs and removes its folders.
remove_cluster() {
  local bindir
  cluster=$(cluster_of "$dir")
  if [ -f "$cluster/data/postmaster.pid" ]; then
    bindir=$(find_bindir)
    if [ -n "$bindir" ]; then
      as_owner "$bindir/pg_ctl" -D "$cluster/data" -w -t 60 stop -m fast >/dev/null 2>&1 || true
    fi
  fi
  [ "$cluster" = "$dir" ] || rm -rf -- "$cluster"
  rm -rf -- "$dir"
}

stop() {
  [ -e "$dir" ] || { say "nothing at $dir"; return; }
  if [ -d "$dir" ] && [ -z "$(ls -A "$dir")" ]; then rmdir "$dir"; say "removed the empty $dir"; return; fi
  [ -e "$marker" ] || die "$dir is not an Evident test cluster; left as it is"
  remove_cluster
  say "stopped and removed $dir"
}

case $command in
  start) start ;;
  stop) stop ;;
  env) [ -f "$dir/env" ] || die "no cluster at $dir" "start one: scripts/postgres.sh start $dir"; cat "$dir/env" ;;
  *) usage ;;
esac
