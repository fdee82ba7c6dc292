#!/bin/sh
# Creates Temporal's two PostgreSQL databases if they are missing and brings both schemas to the
# version of the server (temporal-sql-tool create / setup-schema / update-schema), and creates
# Handslag's own database beside them (its schema is migrated by our processes when they start).
# Safe to run at every start. Shared by docker-compose.yml (in the temporalio/admin-tools image) and
# scripts/postgres-proof (with the tool and schema files from the pinned server module).
#
#   POSTGRES_SEEDS, DB_PORT, POSTGRES_USER, POSTGRES_PWD   where and as whom to connect
#   DBNAME, VISIBILITY_DBNAME                              default temporal, temporal_visibility
#   HANDSLAG_DBNAME                                        default handslag
#   SQL_TOOL                                               default temporal-sql-tool
#   SCHEMA_DIR      the postgresql/v12 schema directory, default /etc/temporal/schema/postgresql/v12
set -eu
: "${POSTGRES_SEEDS:?POSTGRES_SEEDS (the PostgreSQL host) is missing}"
: "${POSTGRES_USER:?POSTGRES_USER is missing}"
: "${POSTGRES_PWD:?POSTGRES_PWD is missing}"
DB_PORT=${DB_PORT:-5432}
SQL_TOOL=${SQL_TOOL:-temporal-sql-tool}
SCHEMA_DIR=${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
# The password goes through the environment, not the command line.
export SQL_PASSWORD="$POSTGRES_PWD"

schema() {
  db=$1
  dir=$2
  if [ ! -d "$dir/versioned" ]; then
    echo "setup-schema: no schema directory $dir/versioned (set SCHEMA_DIR)" >&2
    exit 1
  fi
  echo "setup-schema: database $db from $dir"
  tool() { "$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "$db" "$@"; }
  tool create-database
  tool setup-schema -v 0.0
  tool update-schema -d "$dir/versioned"
}

schema "${DBNAME:-temporal}" "$SCHEMA_DIR/temporal"
schema "${VISIBILITY_DBNAME:-temporal_visibility}" "$SCHEMA_DIR/visibility"
echo "setup-schema: database ${HANDSLAG_DBNAME:-handslag} (Handslag's own; our processes migrate its schema)"
"$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "${HANDSLAG_DBNAME:-handslag}" create-database
echo "setup-schema: done"
