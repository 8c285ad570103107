#!/bin/sh
# Run once by the postgres image on an empty data directory (executed by docker-entrypoint.sh as user postgres).
# One login role per service, allowed to create its own schema in the casecoding database. Values travel as psql
# variables, so quotes in passwords are safe.
set -eu
create_role() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
       -v role="$1" -v pw="$2" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
GRANT CONNECT, CREATE ON DATABASE :"db" TO :"role";
SQL
}
create_role "$GATEWAY_DB_USER" "$GATEWAY_DB_PASSWORD"
create_role "$CODE_SERVICE_DB_USER" "$CODE_SERVICE_DB_PASSWORD"
create_role "$CAREERS_SERVICE_DB_USER" "$CAREERS_SERVICE_DB_PASSWORD"
