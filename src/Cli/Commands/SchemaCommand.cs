using System.CommandLine;
using Clinical.Application.Schema.GetCitusLayout;
using Clinical.Application.Schema.GetDataDictionary;

namespace Clinical.Cli.Commands;

/// <summary>
/// <c>clinical schema</c>: prints the data dictionary (Markdown) generated from the table description; with
/// <c>--citus</c>, the Citus statements that would distribute the store by study instead.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout (docs/schema.md in the repository)" };
        var citus = new Option<bool>("--citus") { Description = "Print the Citus statements (create_distributed_table by nct_id, create_reference_table) that would distribute the native tables and the AACT layer's stored tables, instead of the dictionary" };
        var command = new Command("schema", "Print the data dictionary: every table and column with its type and JSON path") { file, citus };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var markdown = parseResult.GetValue(citus)
                ? await sender.Send(new GetCitusLayoutQuery(), cancellationToken)
                : await sender.Send(new GetDataDictionaryQuery(), cancellationToken);
            if (parseResult.GetValue(file) is { } path)
            {
                await File.WriteAllTextAsync(path, markdown, cancellationToken);
            }
            else
            {
                await context.Output.WriteAsync(markdown);
            }

            return ExitCodes.Success;
        }, cancellationToken, connects: false));
        return command;
    }
}
