-- V2: the queue tables behind Orleans' ADO.NET stream provider (Microsoft.Orleans.Streaming.AdoNet) and its six
-- query texts, written for Frontline to the provider's contract: it binds @ServiceId, @ProviderId, @QueueId and the
-- parameters named below, and reads the result columns named in the comments. A queue is one partition of one
-- provider; a message is one batch of stream events with a delivery receipt (the dequeue counter): a receiver may
-- confirm (delete) or release a message only with the receipt it got, so a silo that lost the queue to another
-- cannot touch what the new owner holds. Delivery is at least once; consumers dedupe.

-- One row per undelivered (or unconfirmed) message. message_id orders a queue; it is unique across queues, which
-- the contract allows and which keeps it simple.
CREATE TABLE orleans_stream_message
(
    service_id  varchar(150) NOT NULL,
    provider_id varchar(150) NOT NULL,
    queue_id    varchar(150) NOT NULL,
    message_id  bigint       GENERATED ALWAYS AS IDENTITY,
    -- How many times a receiver took the message; also the receipt a confirmation must show.
    dequeued    integer      NOT NULL DEFAULT 0,
    -- A taken message is invisible until then (the visibility timeout), so a receiver that died gives it back.
    visible_on  timestamptz  NOT NULL,
    -- Past this the message is no longer delivered but moved to the dead letters.
    expires_on  timestamptz  NOT NULL,
    created_on  timestamptz  NOT NULL DEFAULT now(),
    modified_on timestamptz  NOT NULL DEFAULT now(),
    payload     bytea        NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

-- Messages that expired, ran out of attempts or failed delivery: kept for an operator until remove_on.
CREATE TABLE orleans_stream_dead_letter
(
    service_id  varchar(150) NOT NULL,
    provider_id varchar(150) NOT NULL,
    queue_id    varchar(150) NOT NULL,
    message_id  bigint       NOT NULL,
    dequeued    integer      NOT NULL,
    visible_on  timestamptz  NOT NULL,
    expires_on  timestamptz  NOT NULL,
    created_on  timestamptz  NOT NULL,
    modified_on timestamptz  NOT NULL,
    dead_on     timestamptz  NOT NULL DEFAULT now(),
    remove_on   timestamptz  NOT NULL,
    payload     bytea        NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

CREATE INDEX orleans_stream_dead_letter_by_removal ON orleans_stream_dead_letter (service_id, provider_id, queue_id, remove_on);

-- When each queue is next due for the clean-up that the dequeue query runs on the side.
CREATE TABLE orleans_stream_eviction
(
    service_id  varchar(150) NOT NULL,
    provider_id varchar(150) NOT NULL,
    queue_id    varchar(150) NOT NULL,
    evict_on    timestamptz  NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- @Payload, @ExpiryTimeout (seconds) -> one row: ServiceId, ProviderId, QueueId, MessageId. The message is durable
-- when this returns, which is when the producer's OnNextAsync completes.
('QueueStreamMessageKey', $q$
INSERT INTO orleans_stream_message (service_id, provider_id, queue_id, visible_on, expires_on, payload)
VALUES (@ServiceId, @ProviderId, @QueueId, now(), now() + @ExpiryTimeout * interval '1 second', @Payload)
RETURNING service_id AS "ServiceId", provider_id AS "ProviderId", queue_id AS "QueueId", message_id AS "MessageId";
$q$),

-- @MaxCount, @MaxAttempts, @VisibilityTimeout, @RemovalTimeout, @EvictionInterval (seconds), @EvictionBatchSize
-- -> up to @MaxCount rows: ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn,
-- ModifiedOn, Payload. Takes the oldest visible messages (SKIP LOCKED: two receivers never wait on each other) and
-- hides them for the visibility timeout. At most once per eviction interval per queue (whoever moves evict_on
-- forward wins), the same statement also moves expired and exhausted messages to the dead letters and drops dead
-- letters past their removal time. The taken and the evicted sets are disjoint by their conditions, so no row is
-- changed twice in the statement.
('GetStreamMessagesKey', $q$
WITH due AS (
    INSERT INTO orleans_stream_eviction AS e (service_id, provider_id, queue_id, evict_on)
    VALUES (@ServiceId, @ProviderId, @QueueId, now() + @EvictionInterval * interval '1 second')
    ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE SET evict_on = excluded.evict_on
    WHERE e.evict_on <= now()
    RETURNING 1),
evicted AS (
    DELETE FROM orleans_stream_message AS m
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id IN (
        SELECT message_id FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND ((dequeued >= @MaxAttempts AND visible_on <= now()) OR expires_on <= now())
          AND EXISTS (SELECT 1 FROM due)
        ORDER BY message_id
        LIMIT @EvictionBatchSize
        FOR UPDATE SKIP LOCKED)
    RETURNING m.*),
buried AS (
    INSERT INTO orleans_stream_dead_letter
        (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, remove_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now() + @RemovalTimeout * interval '1 second', payload
    FROM evicted
    ON CONFLICT DO NOTHING),
forgotten AS (
    DELETE FROM orleans_stream_dead_letter AS d
    WHERE d.service_id = @ServiceId AND d.provider_id = @ProviderId AND d.queue_id = @QueueId
      AND d.message_id IN (
        SELECT message_id FROM orleans_stream_dead_letter
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND remove_on <= now() AND EXISTS (SELECT 1 FROM due)
        LIMIT @EvictionBatchSize
        FOR UPDATE SKIP LOCKED)),
taken AS (
    SELECT message_id FROM orleans_stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
      AND dequeued < @MaxAttempts AND visible_on <= now() AND expires_on > now()
    ORDER BY message_id
    LIMIT @MaxCount
    FOR UPDATE SKIP LOCKED)
UPDATE orleans_stream_message AS m
SET dequeued = m.dequeued + 1, visible_on = now() + @VisibilityTimeout * interval '1 second', modified_on = now()
FROM taken AS t
WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId AND m.message_id = t.message_id
RETURNING m.service_id AS "ServiceId", m.provider_id AS "ProviderId", m.queue_id AS "QueueId", m.message_id AS "MessageId",
          m.dequeued AS "Dequeued", m.visible_on AS "VisibleOn", m.expires_on AS "ExpiresOn", m.created_on AS "CreatedOn",
          m.modified_on AS "ModifiedOn", m.payload AS "Payload";
$q$),

-- @Items = 'messageId:receipt|messageId:receipt|...' -> one row per message acted on: ServiceId, ProviderId, QueueId,
-- MessageId. A positive receipt confirms delivery (the message is deleted); a negative one is a release by a receiver
-- shutting down (the message is visible again at once, and the attempt it did not get to finish is given back).
-- Either only when the receipt still matches, i.e. nobody took the message since.
('ConfirmStreamMessagesKey', $q$
WITH items AS (
    SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS receipt
    FROM unnest(string_to_array(@Items::text, '|')) AS item
    WHERE item <> ''),
confirmed AS (
    DELETE FROM orleans_stream_message AS m
    USING items AS i
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = i.message_id AND i.receipt > 0 AND m.dequeued = i.receipt
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id),
released AS (
    UPDATE orleans_stream_message AS m
    SET visible_on = now(), dequeued = greatest(m.dequeued - 1, 0), modified_on = now()
    FROM items AS i
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = i.message_id AND i.receipt < 0 AND m.dequeued = -i.receipt
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id)
SELECT service_id AS "ServiceId", provider_id AS "ProviderId", queue_id AS "QueueId", message_id AS "MessageId" FROM confirmed
UNION ALL
SELECT service_id, provider_id, queue_id, message_id FROM released;
$q$),

-- @MessageId, @MaxAttempts, @RemovalTimeout -> nothing. Orleans gave up delivering the message (its delivery retries
-- failed); it moves to the dead letters at once, whatever its attempts, because the receiver will confirm it as
-- delivered when its cache moves on: left in the queue it would be deleted undelivered.
('FailStreamMessageKey', $q$
WITH failed AS (
    DELETE FROM orleans_stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
    RETURNING *)
INSERT INTO orleans_stream_dead_letter
    (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, remove_on, payload)
SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
       now() + @RemovalTimeout * interval '1 second', payload
FROM failed
ON CONFLICT DO NOTHING;
$q$),

-- @MaxCount, @MaxAttempts, @RemovalTimeout -> nothing. Moves up to @MaxCount expired or exhausted messages of the
-- queue to the dead letters (the same rule as the side clean-up of GetStreamMessagesKey).
('EvictStreamMessagesKey', $q$
WITH evicted AS (
    DELETE FROM orleans_stream_message AS m
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id IN (
        SELECT message_id FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND ((dequeued >= @MaxAttempts AND visible_on <= now()) OR expires_on <= now())
        ORDER BY message_id
        LIMIT @MaxCount
        FOR UPDATE SKIP LOCKED)
    RETURNING m.*)
INSERT INTO orleans_stream_dead_letter
    (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, remove_on, payload)
SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
       now() + @RemovalTimeout * interval '1 second', payload
FROM evicted
ON CONFLICT DO NOTHING;
$q$),

-- @MaxCount -> nothing. Drops up to @MaxCount dead letters of the queue whose removal time has passed.
('EvictStreamDeadLettersKey', $q$
DELETE FROM orleans_stream_dead_letter AS d
WHERE d.service_id = @ServiceId AND d.provider_id = @ProviderId AND d.queue_id = @QueueId
  AND d.message_id IN (
    SELECT message_id FROM orleans_stream_dead_letter
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND remove_on <= now()
    LIMIT @MaxCount
    FOR UPDATE SKIP LOCKED);
$q$);
