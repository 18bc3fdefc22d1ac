using Clinical.Application;
using Clinical.Cli.Output;
using Clinical.Infrastructure;
using Clinical.SampleGenerator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clinical.Cli;

/// <summary>Composes the application for one command: logging to stderr, Application + Infrastructure for the given database.</summary>
internal static class CliHost
{
    public static IHost Build(DatabaseSettings database, bool verbose, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // One line per entry; exception types and stack traces only with --verbose.
        builder.Logging.AddConsole(o =>
        {
            o.FormatterName = OneLineConsoleFormatter.FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        builder.Logging.AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatterOptions>(o => o.Verbose = verbose);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        // The command prints its own one-line error; the behavior's stack trace is for --verbose.
        builder.Logging.AddFilter("Clinical.Application.Common.Behaviors", verbose ? LogLevel.Information : LogLevel.None);
        // The clock every wait and timestamp is taken from (the API's backoffs and rate limit, the import's timings).
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddApplication().AddInfrastructure(database).AddSampleGenerator();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
