using System.CommandLine;
using Clinical.Infrastructure.Sample;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical sample</c>: writes synthetic, spec-conformant studies in the website download's shape.</summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter output)
    {
        var studies = new Option<int>("--studies", "-n") { Description = "How many studies", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed always writes the same file", DefaultValueFactory = _ => 20261126 };
        var file = new Option<string>("--output", "-o") { Description = "File to write ('-' for stdout)", Required = true };
        var command = new Command("sample", "Write synthetic ClinicalTrials.gov studies (all modules, about a quarter with results) as a JSON array")
        {
            studies,
            seed,
            file,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(studies);
            var path = parseResult.GetRequiredValue(file);
            if (count is < 1 or > 9_999_999)
            {
                await output.WriteLineAsync("error: --studies must be between 1 and 9,999,999");
                return ExitCodes.InvalidInput;
            }

            var generator = new SyntheticStudyGenerator(parseResult.GetValue(seed));
            if (path == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                generator.WriteArray(stdout, count);
                return ExitCodes.Success;
            }

            await using (var stream = File.Create(path))
            {
                generator.WriteArray(stream, count);
            }

            await output.WriteLineAsync($"wrote {count:N0} synthetic studies to {path} ({new FileInfo(path).Length / 1e6:N1} MB)");
            return ExitCodes.Success;
        });
        return command;
    }
}
