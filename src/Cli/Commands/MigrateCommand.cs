using System.CommandLine;
using Clinical.Application.Schema.MigrateSchema;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical migrate</c>: creates or upgrades the native schema (registry by default), moving the tables of a version before issue #12 out of ctgov, without importing anything.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Create or upgrade the native schema (registry, or --schema), moving the tables an older version kept in ctgov (idempotent)");
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, database) =>
        {
            await sender.Send(new MigrateSchemaCommand(), cancellationToken);
            await context.Output.WriteLineAsync($"schema {database.Schema.Name} is up to date at {database.Description}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
