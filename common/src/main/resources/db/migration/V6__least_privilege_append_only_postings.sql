-- Least privilege (contract 6.9): the services connect as wallet_app (or a login role that is a
-- member of it), which reads and writes rows but owns nothing, so it cannot create, alter or drop
-- a table. Only the owner that runs these migrations, once, before the services start
-- (bin/wallet migrate, DATABASE_OWNER_USERNAME), changes the schema.
--
-- A role is cluster-wide while this migration runs once per database, and several databases on
-- one server (test suites, checkouts) may run it at the same moment: create the role only when it
-- is missing and let the loser of that race carry on. LOGIN without a password: with password
-- authentication nobody can log in as it until an operator sets one (ALTER ROLE wallet_app
-- PASSWORD ...) or grants it to the services' own login role (GRANT wallet_app TO payments_svc).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wallet_app') THEN
        CREATE ROLE wallet_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created by a migration of another database in the meantime
END
$$;

-- No objects of its own: PostgreSQL 15 no longer lets PUBLIC create in schema public; older
-- servers did, so say it here.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO wallet_app;

-- Rows: read, insert and update; nothing in the product deletes a row (a feature that does needs
-- its own GRANT DELETE). Tables created by later migrations (run by the same owner) get the same.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO wallet_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wallet_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO wallet_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wallet_app;
-- The migration history is the owner's; the services may only read it.
REVOKE INSERT, UPDATE ON ${flyway:table} FROM wallet_app;

-- Postings are append-only (contract 6.9), refused by the database itself whoever asks: the
-- application role has no UPDATE on them, and a trigger refuses UPDATE, DELETE and TRUNCATE even
-- to the owner. A correction is a new posting. (A test that tampers with the ledger on purpose
-- does it as a superuser with SET session_replication_role = replica, which skips triggers.)
CREATE FUNCTION refuse_append_only_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;

REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entries FROM wallet_app;

CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

CREATE TRIGGER ledger_entries_no_truncate
    BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
