using System.CommandLine;
using Clinical.Cli.Commands;
using Spectre.Console;

namespace Clinical.Cli;

/// <summary>The command line: parses, runs the chosen command, returns its exit code. Testable with captured writers.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = "Npgsql connection string; overrides DBHOST, DBPORT, DBNAME, DBUSER, DBPASSWORD",
            Recursive = true,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log what happens (to stderr)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (machine-readable) instead of tables", Recursive = true };
        var root = new RootCommand($"""
            Clinical: loads the ClinicalTrials.gov study dataset into PostgreSQL, every field, in minutes.

            Database settings come from DBHOST, DBPORT, DBNAME, DBUSER, DBPASSWORD (as the original Python tool) or --connection.

            Examples:
              clinical import ctg-studies.json
              clinical import ctg-studies.json.zip --full          # the whole registry: also marks studies it no longer holds
              curl -s 'https://clinicaltrials.gov/api/v2/studies?format=json' | clinical import -
              clinical import ctg-studies.json --dry-run --json    # parse, validate and map only; print the counts as JSON
              DBNAME=ctgov DBUSER=me clinical import ctg-studies.json --batch-size 500
              clinical migrate -c "Host=db;Database=ctgov;Username=me;SSL Mode=Require"
              clinical runs --last 5
              clinical stats

            {ExitCodes.HelpText}
            """)
        {
            connection,
            verbose,
            json,
        };
        root.Subcommands.Add(ImportCommand.Create(connection, verbose, json, console, output, error));
        root.Subcommands.Add(MigrateCommand.Create(connection, verbose, output, error));
        root.Subcommands.Add(SampleCommand.Create(output));
        root.Subcommands.Add(SchemaCommand.Create(output));
        root.Subcommands.Add(ReportCommands.Runs(connection, verbose, json, console, output, error));
        root.Subcommands.Add(ReportCommands.Stats(connection, verbose, json, console, output, error));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'clinical --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        });
    }
}
