using Clinical.Application.Common.Output;
using Mediator;

namespace Clinical.Application.Samples;

/// <summary>Has the sample writer fill the output (a new file, or standard output for "-"); a failed or cancelled sample leaves no file.</summary>
public sealed class WriteSampleCommandHandler(ISampleStudyWriter writer, IOutputFiles outputs) : ICommandHandler<WriteSampleCommand, WriteSampleResult>
{
    private readonly ISampleStudyWriter _writer = writer;
    private readonly IOutputFiles _outputs = outputs;

    public async ValueTask<WriteSampleResult> Handle(WriteSampleCommand command, CancellationToken cancellationToken)
    {
        await using var output = _outputs.Open(command.Output);
        _writer.WriteArray(output.Stream, command.Studies, command.Seed, cancellationToken);
        var bytes = await output.CommitAsync(cancellationToken);
        return new WriteSampleResult(command.Studies, command.Output, bytes);
    }
}
