using System.CommandLine;
using Clinical.Application.Samples;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical sample</c>: sends <see cref="WriteSampleCommand"/> (synthetic studies in the website download's shape).</summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var studies = new Option<int>("--studies", "-n") { Description = "How many studies", DefaultValueFactory = _ => WriteSampleCommand.DefaultStudies };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed always writes the same file", DefaultValueFactory = _ => WriteSampleCommand.DefaultSeed };
        var file = new Option<string>("--output", "-o") { Description = "File to write ('-' for stdout)", Required = true };
        var command = new Command("sample", "Write synthetic ClinicalTrials.gov studies (all modules, about a quarter with results) as a JSON array")
        {
            studies,
            seed,
            file,
        };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var request = new WriteSampleCommand(parseResult.GetValue(studies), parseResult.GetValue(seed), parseResult.GetRequiredValue(file));
            var result = await sender.Send(request, cancellationToken);
            if (result.Bytes is { } bytes)
            {
                await context.Output.WriteLineAsync($"wrote {result.Studies:N0} synthetic studies to {result.Output} ({bytes / 1e6:N1} MB)");
            }

            return ExitCodes.Success;
        }, cancellationToken, connects: false));
        return command;
    }
}
