using System.CommandLine;
using Clinical.Application.Schema.MigrateSchema;
using Clinical.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical migrate</c>: creates or upgrades the native schema (registry by default), moving the tables of a version before issue #12 out of ctgov, without importing anything.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var noSearchPath = new Option<bool>("--no-search-path")
        {
            Description = $"Leave the database's default search_path as it is (default: set it to {AactLayerOptions.SearchPath}, so unqualified AACT names resolve); also {AactLayerOptions.SearchPathVariable}=keep",
        };
        var command = new Command("migrate", "Create or upgrade the native schema (registry, or --schema), moving the tables an older version kept in ctgov, and the AACT layer in ctgov (idempotent)") { noSearchPath };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await DatabaseCommand.ResolveAactAsync(context, parseResult.GetValue(noSearchPath)) is not { } aact)
            {
                return ExitCodes.InvalidInput;
            }

            return await DatabaseCommand.RunAsync(
                context,
                parseResult,
                async (sender, database) =>
                {
                    await sender.Send(new MigrateSchemaCommand(), cancellationToken);
                    await context.Output.WriteLineAsync($"schema {database.Schema.Name} is up to date at {database.Description}");
                    return ExitCodes.Success;
                },
                cancellationToken,
                services => services.AddSingleton(aact));
        });
        return command;
    }
}
