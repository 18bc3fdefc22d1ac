using System.Diagnostics;
using System.Text.Json;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>clinical import -</c> reads the studies from standard input, e.g. <c>curl … | clinical import -</c>.</summary>
public sealed class StandardInputTests
{
    [Fact]
    public async Task Import_FromStandardInput_ReadsEveryStudy()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "import", "-", "--dry-run", "--json"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await using (var file = File.OpenRead(TestFixtures.RealStudiesPath))
        {
            await file.CopyToAsync(process.StandardInput.BaseStream, TestContext.Current.CancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, await error);
        var summary = JsonDocument.Parse(await output).RootElement;
        summary.GetProperty("read").GetInt64().ShouldBe(200);
        summary.GetProperty("rejected").GetInt64().ShouldBe(0);
    }
}
