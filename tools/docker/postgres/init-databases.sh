#!/usr/bin/env bash
# Creates one database per service, each owned by a login role of the same name, and closes every
# database to the other roles: a service can reach its own data only (ARCHITECTURE.md §1).
#
# Run by the postgres image's entrypoint from /docker-entrypoint-initdb.d/ the first time the data
# volume is initialised (see docker-compose.yml). Reads:
#   PARDEV_DATABASES          space-separated names, e.g. "partners agreements results identity"
#   <NAME>_DB_PASSWORD        the password of role <name> (upper-cased name), e.g. PARTNERS_DB_PASSWORD
#   POSTGRES_USER, POSTGRES_DB  set by the image; PGHOST/PGPORT are honoured when run by hand.
# Safe to re-run: existing roles and databases are left as they are.
set -euo pipefail

: "${PARDEV_DATABASES:?PARDEV_DATABASES must list the databases to create}"

password_of() {
  local var
  var="$(tr '[:lower:]' '[:upper:]' <<<"$1")_DB_PASSWORD"
  printf '%s' "${!var:-}"
}

# Check everything before creating anything.
for name in ${PARDEV_DATABASES}; do
  if [[ ! "${name}" =~ ^[a-z][a-z0-9_]*$ ]]; then
    echo "init-databases: invalid database name '${name}'" >&2
    exit 1
  fi
  if [[ -z "$(password_of "${name}")" ]]; then
    echo "init-databases: $(tr '[:lower:]' '[:upper:]' <<<"${name}")_DB_PASSWORD is not set" >&2
    exit 1
  fi
done

for name in ${PARDEV_DATABASES}; do
  echo "init-databases: database and role '${name}'"
  # psql variables (:'x' literal, :"x" identifier) do the quoting; the password reaches psql
  # through its environment (\getenv), not its command line. \gexec runs each generated statement
  # on its own, as CREATE DATABASE cannot run inside a transaction block.
  PARDEV_ROLE_PASSWORD="$(password_of "${name}")" psql --no-psqlrc -v ON_ERROR_STOP=1 \
    --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" -v name="${name}" <<'SQL'
\getenv password PARDEV_ROLE_PASSWORD
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT ALL ON DATABASE :"name" TO :"name";
SQL
done
