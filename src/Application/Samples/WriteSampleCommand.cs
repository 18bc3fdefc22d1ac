using Clinical.Application.Common;
using Clinical.Application.Common.Output;
using Mediator;

namespace Clinical.Application.Samples;

/// <summary>Write <paramref name="Studies"/> synthetic studies to the file <paramref name="Output"/> ("-" for standard output).</summary>
public sealed record WriteSampleCommand(int Studies, int Seed, string Output) : ICommand<WriteSampleResult>, IUseCase
{
    public const string StandardOutput = IOutputFiles.StandardOutput;

    public const int DefaultStudies = 500;

    public const int DefaultSeed = 20261126;

    /// <summary>NCT numbers of a sample are NCT9 + 7 digits, so one sample holds at most this many studies.</summary>
    public const int MaxStudies = 9_999_999;
}
