using System.CommandLine;
using Clinical.Cli.Commands;
using Clinical.Infrastructure;
using Spectre.Console;

namespace Clinical.Cli;

/// <summary>The command line: parses, runs the chosen command, returns its exit code. Testable with captured writers.</summary>
public static class CliApp
{
    /// <summary>Runs the command line; <paramref name="environment"/> reads the environment variables (the process's by default).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = "Npgsql connection string or postgresql:// URI; what it gives wins over the DB* and then the PG* variables",
            Recursive = true,
        };
        var statementTimeout = new Option<string?>("--statement-timeout")
        {
            Description = $"Longest a single SQL statement may run, e.g. 90s, 30min, 2h, or 0 for none; overrides {DatabaseSettings.StatementTimeoutVariable} "
                + $"(default {DatabaseSettings.FormatTimeout(DatabaseSettings.DefaultStatementTimeout)})",
            Recursive = true,
        };
        var schema = new Option<string?>("--schema")
        {
            Description = $"Schema of the native tables (lower-case letters, digits, _); overrides {DatabaseSchema.Variable} (default {DatabaseSchema.DefaultName})",
            Recursive = true,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log what happens (to stderr)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (machine-readable) instead of tables", Recursive = true };
        var root = new RootCommand($"""
            Clinical: loads the ClinicalTrials.gov study dataset into PostgreSQL, every field, in minutes.

            Database settings come from --connection (an Npgsql string or a postgresql:// URI), then DBHOST, DBPORT, DBNAME, DBUSER,
            DBPASSWORD (as the original Python tool), then libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE,
            PGAPPNAME, one setting at a time; a password may also come from ~/.pgpass or PGPASSFILE;
            the statement timeout from --statement-timeout or {DatabaseSettings.StatementTimeoutVariable}; the schema of the native
            tables from --schema or {DatabaseSchema.Variable} (default {DatabaseSchema.DefaultName}; ctgov is the AACT-compatible layer's).

            Examples:
              clinical import ctg-studies.json
              clinical import ctg-studies.json.zip --full          # the whole registry: also marks studies it no longer holds
              curl -s 'https://clinicaltrials.gov/api/v2/studies?format=json' | clinical import -
              clinical import ctg-studies.json --dry-run --json    # parse, validate and map only; print the counts as JSON
              DBNAME=trials DBUSER=me clinical import ctg-studies.json --batch-size 500 --schema trials_native
              clinical migrate -c "Host=db;Database=trials;Username=me;SSL Mode=Require"
              clinical export recruiting.json --where "s.overall_status = 'RECRUITING'"
              clinical runs --last 5
              clinical stats
              clinical history NCT04280705 --diff                 # the versions kept of a study and what changed

            {ExitCodes.HelpText}
            """)
        {
            connection,
            statementTimeout,
            schema,
            verbose,
            json,
        };
        var context = new CliContext(connection, statementTimeout, schema, verbose, json, console, output, error, environment ?? Environment.GetEnvironmentVariable);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(ReportCommands.Runs(context));
        root.Subcommands.Add(ReportCommands.Stats(context));
        root.Subcommands.Add(HistoryCommand.Create(context));
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(output);

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line per problem, naming the option and what to give instead.
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {CliSettings.Friendly(parseError.Message)} See 'clinical --help'.");
            }

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
