namespace Clinical.Infrastructure.Sources;

/// <summary>Opens the process's standard input; injected so that tests can feed the stdin adapter a pipe or a stream.</summary>
public interface IStandardInput
{
    Stream Open();
}
