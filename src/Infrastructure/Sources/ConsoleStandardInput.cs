namespace Clinical.Infrastructure.Sources;

/// <summary>The real standard input of the process.</summary>
public sealed class ConsoleStandardInput : IStandardInput
{
    public Stream Open() => Console.OpenStandardInput();
}
