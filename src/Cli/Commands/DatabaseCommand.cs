using System.CommandLine;
using Clinical.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.Cli.Commands;

/// <summary>What every command that uses the database shares: its settings, its composition, and its errors as exit codes.</summary>
internal static class DatabaseCommand
{
    /// <summary>
    /// Resolves the database settings (a wrong one is one line and exit 2), composes the application, runs
    /// <paramref name="run"/> with the sender, and turns a failure it ends with into an exit code and one line on stderr
    /// through <see cref="CommandFailures"/>, after <paramref name="beforeFailure"/> (e.g. ending a progress line).
    /// <paramref name="connects"/> is false for a command that never connects to PostgreSQL (<c>sample</c>, <c>schema</c>,
    /// <c>import --dry-run</c>): a database setting that cannot be used is then a warning, not an error (see
    /// <see cref="ResolveAsync"/>).
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context,
        ParseResult parseResult,
        Func<ISender, DatabaseSettings, Task<int>> run,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configure = null,
        bool connects = true,
        Action? beforeFailure = null)
    {
        if (await ResolveAsync(context, parseResult, connects) is not { } settings)
        {
            return ExitCodes.InvalidInput;
        }

        using var host = CliHost.Build(settings, parseResult.GetValue(context.Verbose), configure);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await run(scope.ServiceProvider.GetRequiredService<ISender>(), settings);
        }
        catch (Exception ex) when (CommandFailures.ExitCodeOf(ex, cancellationToken) is { } exitCode)
        {
            beforeFailure?.Invoke();
            return await CommandFailures.ReportAsync(context.Error, ex, exitCode);
        }
    }

    /// <summary>
    /// The database settings from the options and the environment, or null after one line on stderr saying what is wrong.
    /// For a command that does not connect (<paramref name="connects"/> false: <c>sample</c>, <c>schema</c>,
    /// <c>import --dry-run</c>) a setting that cannot be used is one warning line instead, and the command runs with the
    /// defaults in its place (only the native schema, which the data dictionary names, is still taken from --schema or its
    /// variable).
    /// </summary>
    public static async Task<DatabaseSettings?> ResolveAsync(CliContext context, ParseResult parseResult, bool connects = true)
    {
        var schema = parseResult.GetValue(context.Schema);
        try
        {
            return DatabaseSettings.Resolve(parseResult.GetValue(context.Connection), parseResult.GetValue(context.StatementTimeout), schema, context.Environment);
        }
        catch (DatabaseSettingsException ex) when (!connects)
        {
            await context.Error.WriteLineAsync($"warning: {Redacted(ex.Message, context.Environment).TrimEnd('.')}; ignored, since this command does not connect to PostgreSQL");
            try
            {
                return DatabaseSettings.Resolve(null, null, schema, name => name == DatabaseSchema.Variable ? context.Environment(name) : null);
            }
            catch (DatabaseSettingsException schemaProblem)
            {
                await context.Error.WriteLineAsync($"error: {schemaProblem.Message}");
                return null;
            }
        }
        catch (DatabaseSettingsException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }

    /// <summary>A message with the passwords of the environment blanked out: a line about a setting never shows one.</summary>
    private static string Redacted(string message, Func<string, string?> environment) =>
        new[] { "DBPASSWORD", "PGPASSWORD" }.Select(environment).OfType<string>().Where(p => p.Length > 0)
            .Aggregate(message, (text, password) => text.Replace(password, "********", StringComparison.Ordinal));

    /// <summary>The AACT layer's options from <c>--no-search-path</c> and the environment, or null after one line on stderr saying what is wrong.</summary>
    public static async Task<AactLayerOptions?> ResolveAactAsync(CliContext context, bool noSearchPath)
    {
        try
        {
            return AactLayerOptions.Resolve(noSearchPath, context.Environment);
        }
        catch (ArgumentException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }
}
