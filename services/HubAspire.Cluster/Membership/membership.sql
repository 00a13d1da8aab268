-- Orleans ADO.NET clustering on PostgreSQL: our own tables and the named queries the provider
-- loads with "SELECT QueryKey, QueryText FROM OrleansQuery". Runs inside EnsureAsync's
-- transaction, after its advisory lock and CREATE SCHEMA, with search_path set to that schema,
-- so every name here (and in the stored queries) is unqualified, exactly as the provider's is.
--
-- Contract the provider imposes, by name (identifiers are unquoted; Npgsql matches the
-- provider's mixed-case column names case-insensitively):
--   * Port, Generation, Status and ProxyPort are read with GetInt32: integer, never NULL.
--   * SiloName and HostName are cast straight to string: NOT NULL.
--   * A NULL StartTime means "no member" in the single version-only row the read queries
--     return when a deployment has no silos yet; Version is on every row.
--   * Insert/update queries must return exactly one row with one column (true = applied).
--   * Timestamps arrive as UTC DateTime with DbType.DateTime, i.e. timestamptz.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per deployment (ClusterId). Version is the etag every membership change must match
-- and bump, which is how Orleans gets optimistic concurrency across silos.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text PRIMARY KEY,
    Version      integer NOT NULL DEFAULT 0,
    -- Not read by Orleans: it tells EnsureAsync when a deployment last changed.
    ChangedAt    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    -- Cascade, so that dropping a deployment's version row (DeleteMembershipTableEntriesKey,
    -- stale-deployment cleanup) takes its silos with it in one statement.
    DeploymentId text NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address      text NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text NOT NULL,
    HostName     text NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer NOT NULL,
    SuspectTimes text NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- The insert and update below are single statements so they commit or fail as a whole. The
-- version row's UPDATE goes first: under concurrent writers PostgreSQL re-checks its
-- "Version = @Version" after the row lock is granted, so only one writer per version wins, and
-- the member row is only touched through that UPDATE's RETURNING.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('GatewaysQueryKey', $sql$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$sql$),

('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING DeploymentId
)
SELECT EXISTS (SELECT FROM created)
$sql$),

('UpdateIAmAlivetimeKey', $sql$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$sql$),

('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (
          SELECT FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address
            AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING DeploymentId
)
SELECT EXISTS (SELECT FROM inserted)
$sql$),

('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (
          SELECT FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address
            AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
    RETURNING m.DeploymentId
)
SELECT EXISTS (SELECT FROM updated)
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId
$sql$),

-- IMembershipTable.CleanupDefunctSiloEntries: only dead silos, older than the cut-off.
-- Status 6 is SiloStatus.Dead.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Every AppHost start uses a fresh ClusterId, so deployments nobody will use again pile up.
-- A deployment is gone once neither its version row changed nor any of its silos reported
-- alive for 10 minutes; live silos refresh IAmAliveTime every IAmAliveTablePublishTimeout
-- (30 s by default), far more often. Its silos go with it through the cascade.
DELETE FROM OrleansMembershipVersionTable AS v
WHERE v.ChangedAt < now() - interval '10 minutes'
  AND NOT EXISTS (
      SELECT FROM OrleansMembershipTable AS m
      WHERE m.DeploymentId = v.DeploymentId
        AND m.IAmAliveTime >= now() - interval '10 minutes');
