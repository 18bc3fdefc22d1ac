using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// The history of studies in SQL: <c>study_versions</c> (every state a study had before its current one), the view
/// <c>study_history</c> (those and the current state, numbered), the views <c>status_changes</c> and
/// <c>primary_outcome_changes</c>, and the function <c>studies_as_of(date)</c>. See docs/history.md.
/// </summary>
public static class HistorySql
{
    /// <summary>The earlier states of each study, keyed by (nct_id, version).</summary>
    public const string VersionsTable = "study_versions";

    /// <summary>
    /// Creates the history table, its helper function and views; idempotent. A state is <c>present</c> (the study's content,
    /// kept as Brotli-compressed JSON in the registry's shape) or <c>deleted</c> (absent from a <c>--full</c> file: no content).
    /// </summary>
    public static string CreateOrUpgrade(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        string Q(string name) => schema.Qualified(name);
        return $"""
        DROP FUNCTION IF EXISTS {Q("studies_as_of")}(date);
        DROP VIEW IF EXISTS {Q("status_changes")};
        DROP VIEW IF EXISTS {Q("primary_outcome_changes")};
        DROP VIEW IF EXISTS {Q("study_history")};
        CREATE TABLE IF NOT EXISTS {Q(VersionsTable)} (
            nct_id text NOT NULL,
            version integer NOT NULL,
            state text NOT NULL,
            content_sha256 bytea,
            last_update_post_date date,
            version_holder date,
            overall_status text,
            start_date date,
            primary_outcomes jsonb,
            first_seen_run bigint NOT NULL,
            first_seen_at timestamp,
            replaced_in_run bigint NOT NULL,
            replaced_at timestamptz NOT NULL DEFAULT now(),
            content bytea,
            CONSTRAINT study_versions_pkey PRIMARY KEY (nct_id, version)
        );
        ALTER TABLE {Q("study_versions")} ALTER COLUMN content SET STORAGE EXTERNAL;
        COMMENT ON TABLE {Q("study_versions")} IS 'Earlier states of each study, kept when an import replaced them (changed content, deleted from a --full file, returned): see docs/history.md.';
        COMMENT ON COLUMN {Q("study_versions")}.state IS 'present (the study as the registry had it) or deleted (absent from a --full file)';
        COMMENT ON COLUMN {Q("study_versions")}.content IS 'the study as JSON in the registry''s shape, Brotli-compressed (null for a deleted state)';
        COMMENT ON COLUMN {Q("study_versions")}.first_seen_run IS 'import_runs.run_id of the run that wrote this state (or marked the study deleted)';
        COMMENT ON COLUMN {Q("study_versions")}.replaced_in_run IS 'import_runs.run_id of the run that replaced this state with the next one';

        CREATE OR REPLACE FUNCTION {Q("primary_outcomes_of")}(study text) RETURNS jsonb LANGUAGE sql STABLE AS $$
            SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('measure', d.measure, 'description', d.description, 'timeFrame', d.time_frame)) ORDER BY d.ord)
              FROM {Q("design_outcomes")} d WHERE d.nct_id = study AND d.outcome_type = 'PRIMARY'
        $$;

        CREATE VIEW {Q("study_history")} AS
        SELECT v.nct_id, v.version, v.state, false AS is_current, v.content_sha256, v.last_update_post_date, v.version_holder,
               v.overall_status, v.start_date, v.primary_outcomes, v.first_seen_run, v.first_seen_at, v.replaced_in_run, v.replaced_at,
               CASE WHEN v.state = 'present' THEN coalesce(v.last_update_post_date, v.first_seen_at::date) ELSE v.first_seen_at::date END AS stood_from
          FROM {Q("study_versions")} v
        UNION ALL
        SELECT s.nct_id, coalesce(m.version, 0) + 1, CASE WHEN s.deleted_in_run IS NULL THEN 'present' ELSE 'deleted' END, true,
               CASE WHEN s.deleted_in_run IS NULL THEN s.content_sha256 END,
               CASE WHEN s.deleted_in_run IS NULL THEN s.last_update_post_date END,
               CASE WHEN s.deleted_in_run IS NULL THEN s.version_holder END,
               CASE WHEN s.deleted_in_run IS NULL THEN s.overall_status END,
               CASE WHEN s.deleted_in_run IS NULL THEN s.start_date END,
               CASE WHEN s.deleted_in_run IS NULL THEN {Q("primary_outcomes_of")}(s.nct_id) END,
               coalesce(s.deleted_in_run, s.import_run_id),
               CASE WHEN s.deleted_in_run IS NULL THEN s.imported_at ELSE (SELECT r.started_at AT TIME ZONE 'UTC' FROM {Q("import_runs")} r WHERE r.run_id = s.deleted_in_run) END,
               NULL, NULL,
               CASE WHEN s.deleted_in_run IS NULL THEN coalesce(s.last_update_post_date, s.imported_at::date)
                    ELSE (SELECT (r.started_at AT TIME ZONE 'UTC')::date FROM {Q("import_runs")} r WHERE r.run_id = s.deleted_in_run) END
          FROM {Q("studies")} s
          LEFT JOIN LATERAL (SELECT max(v.version) AS version FROM {Q("study_versions")} v WHERE v.nct_id = s.nct_id) m ON true;
        COMMENT ON VIEW {Q("study_history")} IS 'Every known state of every study, numbered from 1 (the first import), the current one last (is_current): see docs/history.md.';

        CREATE VIEW {Q("status_changes")} AS
        SELECT nct_id, version, from_status, to_status, changed_on, seen_in_run, seen_at
          FROM (SELECT h.nct_id, h.version, lag(h.overall_status) OVER w AS from_status, h.overall_status AS to_status,
                       h.last_update_post_date AS changed_on, h.first_seen_run AS seen_in_run, h.first_seen_at AS seen_at,
                       row_number() OVER w AS nth
                  FROM {Q("study_history")} h WHERE h.state = 'present'
                WINDOW w AS (PARTITION BY h.nct_id ORDER BY h.version)) c
         WHERE nth > 1 AND from_status IS DISTINCT FROM to_status;
        COMMENT ON VIEW {Q("status_changes")} IS 'Each change of a study''s overall status between consecutive known versions, dated by the registry (lastUpdatePostDate of the new version): see docs/history.md.';

        CREATE VIEW {Q("primary_outcome_changes")} AS
        SELECT nct_id, version, start_date, changed_on, old_primary_outcomes, new_primary_outcomes, seen_in_run
          FROM (SELECT h.nct_id, h.version, h.start_date, h.last_update_post_date AS changed_on,
                       lag(h.primary_outcomes) OVER w AS old_primary_outcomes, h.primary_outcomes AS new_primary_outcomes,
                       h.first_seen_run AS seen_in_run, row_number() OVER w AS nth
                  FROM {Q("study_history")} h WHERE h.state = 'present'
                WINDOW w AS (PARTITION BY h.nct_id ORDER BY h.version)) c
         WHERE nth > 1 AND old_primary_outcomes IS DISTINCT FROM new_primary_outcomes AND changed_on > start_date;
        COMMENT ON VIEW {Q("primary_outcome_changes")} IS 'Primary outcomes (measure, description, time frame) that changed in a version posted after the study''s start date: see docs/history.md.';

        CREATE FUNCTION {Q("studies_as_of")}(day date) RETURNS TABLE (nct_id text, version integer, is_current boolean) LANGUAGE sql STABLE AS $$
            SELECT a.nct_id, a.version, a.is_current
              FROM (SELECT DISTINCT ON (h.nct_id) h.nct_id, h.version, h.is_current, h.state
                      FROM {Q("study_history")} h WHERE h.stood_from <= day ORDER BY h.nct_id, h.version DESC) a
             WHERE a.state = 'present'
        $$;
        COMMENT ON FUNCTION {Q("studies_as_of")}(date) IS 'The version of each study that stood on a day (the newest known version posted on or before it), deleted ones left out: see docs/history.md.';
        """;
    }

    /// <summary>
    /// The columns of a version that its state gives (<see cref="CurrentStates"/> reads them, <see cref="CopyVersions"/>
    /// writes them first), in order, with their types; the replacing run and the content follow.
    /// </summary>
    public static IReadOnlyList<(string Name, NpgsqlDbType Type)> StateColumns { get; } =
    [
        ("nct_id", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("state", NpgsqlDbType.Text), ("content_sha256", NpgsqlDbType.Bytea),
        ("last_update_post_date", NpgsqlDbType.Date), ("version_holder", NpgsqlDbType.Date), ("overall_status", NpgsqlDbType.Text),
        ("start_date", NpgsqlDbType.Date), ("primary_outcomes", NpgsqlDbType.Jsonb), ("first_seen_run", NpgsqlDbType.Bigint),
        ("first_seen_at", NpgsqlDbType.Timestamp),
    ];

    /// <summary>The current state of the studies in <c>$1</c> (text[]) as their next version would keep it: the <see cref="StateColumns"/>.</summary>
    public static string CurrentStates(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return $"SELECT {string.Join(", ", StateColumns.Select(c => "h." + c.Name))} FROM {schema.Qualified("study_history")} h WHERE h.is_current AND h.nct_id = ANY($1)";
    }

    /// <summary>A binary COPY of versions: the <see cref="StateColumns"/>, then the replacing run and the compressed content.</summary>
    public static string CopyVersions(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return $"COPY {schema.Qualified("study_versions")} ({string.Join(", ", StateColumns.Select(c => c.Name))}, replaced_in_run, content) FROM STDIN (FORMAT BINARY)";
    }
}
