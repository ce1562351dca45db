#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory: the application's
# own role (DATABASE_USERNAME / DATABASE_PASSWORD), no superuser, owner of the wallet database so
# Flyway can create the schema in it. The superuser (POSTGRES_USER) stays for operators only.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_user="$DATABASE_USERNAME" -v app_password="$DATABASE_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
ALTER DATABASE wallet OWNER TO :"app_user";
ALTER SCHEMA public OWNER TO :"app_user";
SQL
