using System.CommandLine;
using System.CommandLine.Invocation;

namespace Clinical.Cli;

/// <summary><c>--version</c>: the version and the commit (<see cref="ToolVersion.Text"/>) on the command's output.</summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    private readonly TextWriter _output = output;

    public override int Invoke(ParseResult parseResult)
    {
        _output.WriteLine(ToolVersion.Text);
        return ExitCodes.Success;
    }
}
