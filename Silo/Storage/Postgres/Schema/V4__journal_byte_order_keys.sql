-- V4: the journal's key columns compare as bytes (collation "C"). Every append checks its rows against the primary key
-- and inserts into it; under the database's default collation (C.UTF-8 on Debian) each comparison goes through the
-- locale library, in the "C" collation it is a memcmp. These are identifiers: nothing needs a linguistic order, and
-- ORDER BY position, event_id only needs some fixed order for equal positions. Rebuilds the key once (the rows stay
-- where they are), holding the table locked until the migration commits: appends and reads of silos still running
-- wait for it (190 ms for 200,000 rows in a review run), so a large journal is best migrated with
-- `dotnet run --project Silo -- migrate` at a quiet moment.
ALTER TABLE frontline_touch_journal
    ALTER COLUMN service_id  TYPE varchar(150) COLLATE "C",
    ALTER COLUMN customer_id TYPE text COLLATE "C",
    ALTER COLUMN event_id    TYPE text COLLATE "C";
