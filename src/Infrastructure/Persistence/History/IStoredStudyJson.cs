using Npgsql;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>Studies as they are stored now, given back as JSON in the registry's shape, read on the caller's connection and transaction.</summary>
public interface IStoredStudyJson
{
    /// <summary>The UTF-8 JSON of each of <paramref name="nctIds"/> that is stored, by NCT number.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken);
}
