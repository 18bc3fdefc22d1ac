using Mediator;

namespace Clinical.Application.Samples;

/// <summary>Opens the output (a new file, or standard output for "-") and has the sample writer fill it.</summary>
public sealed class WriteSampleCommandHandler(ISampleStudyWriter writer) : ICommandHandler<WriteSampleCommand, WriteSampleResult>
{
    private readonly ISampleStudyWriter _writer = writer;

    public async ValueTask<WriteSampleResult> Handle(WriteSampleCommand command, CancellationToken cancellationToken)
    {
        if (command.Output == WriteSampleCommand.StandardOutput)
        {
            await using var stdout = Console.OpenStandardOutput();
            _writer.WriteArray(stdout, command.Studies, command.Seed, cancellationToken);
            return new WriteSampleResult(command.Studies, command.Output, Bytes: null);
        }

        var file = new FileStream(command.Output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        try
        {
            _writer.WriteArray(file, command.Studies, command.Seed, cancellationToken);
            await file.FlushAsync(cancellationToken);
            var bytes = file.Length;
            await file.DisposeAsync();
            return new WriteSampleResult(command.Studies, command.Output, bytes);
        }
        catch
        {
            await file.DisposeAsync();
            File.Delete(command.Output); // no half-written sample left behind (cancelled or failed)
            throw;
        }
    }
}
