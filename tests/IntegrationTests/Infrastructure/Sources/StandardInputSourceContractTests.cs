using System.Text;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.Infrastructure.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>The contract for <c>-</c>: the studies piped in on (an injected) standard input, as a JSON array.</summary>
public sealed class StandardInputSourceContractTests : StudySourceContractTests
{
    private readonly StandardInputFeed _stdin;

    public StandardInputSourceContractTests() => _stdin = Track(new StandardInputFeed());

    public override Type AdapterType => typeof(StandardInputSource);

    protected override string Kind => "stdin";

    protected override Task<string> WriteAsync(IReadOnlyList<string> studies)
    {
        _stdin.FeedThroughPipe(Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", studies) + "\n]\n"));
        return Task.FromResult(StandardInputSource.Location);
    }

    protected override void Configure(IServiceCollection services) => services.AddSingleton<IStandardInput>(_stdin);

    protected override string ErrorName(string location) => "stdin";
}
