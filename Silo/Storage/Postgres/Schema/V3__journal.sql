-- V3: the touch journal (DESIGN §9). Customers append newly accepted touches here, many grains' appends in one
-- multi-row INSERT and one commit, and acknowledge after it; their whole state is written only now and then, and an
-- activation adds the rows after the position its snapshot records.
CREATE TABLE frontline_touch_journal
(
    -- The grain state namespace (Orleans:ServiceId), as grain state has one.
    service_id     varchar(150) NOT NULL,
    customer_id    text         NOT NULL,
    event_id       text         NOT NULL,
    -- Counted up by the customer grain; a repeated append (a conflict) leaves the row at its first position.
    position       bigint       NOT NULL,
    action         text         NOT NULL,
    channel        text         NOT NULL,
    -- .NET ticks, UTC: timestamptz keeps microseconds only, and journey order and cursors compare ticks.
    occurred_ticks bigint       NOT NULL,
    value          numeric      NULL,
    opportunity_id text         NULL,
    -- Idempotency: appending an event id the customer already has leaves the stored row as it is. Activations read a
    -- customer's rows through this key's (service_id, customer_id) prefix.
    PRIMARY KEY (service_id, customer_id, event_id)
);
