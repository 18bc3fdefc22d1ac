namespace Clinical.Application.Schema;

/// <summary>Creates or upgrades the store's schema, and what is kept derived from the stored studies.</summary>
public interface ISchemaMigrator
{
    /// <summary>Creates or upgrades the schema; safe to call at any time.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Brings what is derived from the stored studies and kept (the AACT layer's per-study tables) up to date with every
    /// study written so far, so a database an import left behind (killed before its end) is current again without another
    /// import.
    /// </summary>
    Task CatchUpDerivedTablesAsync(CancellationToken cancellationToken);
}
