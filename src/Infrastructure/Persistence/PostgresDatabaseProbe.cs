using Clinical.Application.Database.CheckDatabase;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>Opens one connection: any failure to do so means the database cannot be used (unreachable, login refused, no such database, TLS refused).</summary>
internal sealed class PostgresDatabaseProbe(NpgsqlDataSource dataSource, DatabaseErrorTranslator translator) : IDatabaseProbe
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly DatabaseErrorTranslator _translator = translator;

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return $"PostgreSQL {connection.ServerVersion}";
        }
        catch (NpgsqlException ex)
        {
            throw _translator.Unavailable(ex);
        }
    }
}
