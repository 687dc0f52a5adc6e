#!/usr/bin/env bash
# Entry point of the Tributary image (deploy/Dockerfile).
#
# With TRIBUTARY_ROLE=controller or broker it runs that node: it formats the data directory on the
# first start (formatting again with the same cluster and node id does nothing, so every start may
# do it) and then execs the node, which becomes PID 1 and so receives `docker stop`'s SIGTERM
# itself (a broker then hands its leaderships away, a controller its quorum leadership).
#
#   TRIBUTARY_ROLE        controller | broker
#   TRIBUTARY_CLUSTER_ID  the cluster id every node is formatted with (tributary-controller random-uuid)
#   TRIBUTARY_*           any other node property: TRIBUTARY_NODE_ID -> node.id,
#                         TRIBUTARY_CONTROLLER_QUORUM_VOTERS -> controller.quorum.voters, ...
#
# Arguments (such as `--config /etc/tributary/node.properties`) go to both `format` and the node.
# With neither a config file nor log.dirs / metadata.log.dir in the environment, the data lives in
# /var/lib/tributary/data (mount a volume on /var/lib/tributary).
#
# Without TRIBUTARY_ROLE the arguments are a command: `tributary ...` (the CLI),
# `tributary-controller ...`, `tributary-broker ...`, or any other program in the image.
set -euo pipefail

readonly APP=/app
readonly DEFAULT_DATA_DIR=/var/lib/tributary/data

usage() {
  cat >&2 <<'EOF'
usage: set TRIBUTARY_ROLE=controller|broker and TRIBUTARY_CLUSTER_ID (plus TRIBUTARY_* properties) to run a node,
       or give a command: tributary ... | tributary-controller ... | tributary-broker ...
EOF
}

die() {
  printf 'entrypoint: %s\n' "$*" >&2
  exit 2
}

role="${TRIBUTARY_ROLE:-}"
cluster_id="${TRIBUTARY_CLUSTER_ID:-}"
# The nodes read every TRIBUTARY_* variable as a property and refuse unknown ones, and these two
# are the image's, not properties: the nodes must not see them.
unset TRIBUTARY_ROLE TRIBUTARY_CLUSTER_ID

case "$role" in
  controller) program="$APP/packages/controller/bin/tributary-controller.js" ;;
  broker) program="$APP/packages/broker/bin/tributary-broker.js" ;;
  "")
    if [ "$#" -eq 0 ]; then
      usage
      exit 2
    fi
    # Not a node: run the command (the CLI and the node programs are on PATH).
    exec "$@"
    ;;
  *) die "TRIBUTARY_ROLE must be controller or broker, not \"$role\"" ;;
esac

[ -n "$cluster_id" ] || die "TRIBUTARY_CLUSTER_ID is required to format the data directory (make one with: tributary-controller random-uuid)"

# Configured by the environment alone and told no data directory: use the one under the volume.
if [ "$#" -eq 0 ] && [ -z "${TRIBUTARY_LOG_DIRS:-}" ] && [ -z "${TRIBUTARY_METADATA_LOG_DIR:-}" ]; then
  export TRIBUTARY_LOG_DIRS="$DEFAULT_DATA_DIR"
fi

# Idempotent: prints "Already formatted" on every later start, and fails (so the container does)
# when the directory belongs to another cluster or node rather than overwrite it.
node "$program" format "$@" --cluster-id "$cluster_id"
exec node "$program" start "$@"
