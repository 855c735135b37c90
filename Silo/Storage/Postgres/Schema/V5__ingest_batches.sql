-- V5: batches that POST /ingest/touches stored in the journal (their rows carry position 0) and whose customers have
-- not all applied them yet. A batch's row commits in the same transaction as its journal rows, and is deleted once
-- every customer in it has its touches; a row still here long after it was stored (its silo died, or a customer call
-- kept failing) is taken by any silo, which has each listed customer read its journal again.
CREATE TABLE frontline_ingest_batch
(
    service_id varchar(150) COLLATE "C" NOT NULL,
    batch_id   bigint       GENERATED ALWAYS AS IDENTITY,
    -- Every customer the batch carried a touch for (re-reading one with nothing new is harmless).
    customers  text[]       NOT NULL,
    -- When stored, and again each time a silo takes it over: a batch is stale this long after it.
    stored_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, batch_id)
);
