using System.CommandLine;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical migrate</c>: creates or upgrades the ctgov schema without importing anything.</summary>
internal static class MigrateCommand
{
    public static Command Create(Option<string?> connectionOption, Option<bool> verboseOption, TextWriter output, TextWriter error)
    {
        var command = new Command("migrate", "Create or upgrade the ctgov schema (idempotent)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connection = parseResult.GetValue(connectionOption);
            var database = CliHost.DescribeDatabase(connection);
            using var host = CliHost.Build(connection, parseResult.GetValue(verboseOption));
            try
            {
                await host.Services.GetRequiredService<IStudyRepository>().EnsureSchemaAsync(cancellationToken);
                await output.WriteLineAsync($"schema ctgov is up to date at {database}");
                return ExitCodes.Success;
            }
            catch (NpgsqlException ex)
            {
                var connectionString = PostgresSettings.BuildConnectionString(connection, Environment.GetEnvironmentVariable);
                await error.WriteLineAsync($"error: PostgreSQL at {database}: {PostgresSettings.Redact(ex.Message, connectionString)}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
