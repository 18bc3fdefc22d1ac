using Clinical.Infrastructure.Api;
using Clinical.IntegrationTests.Infrastructure.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>The contract for the live-API adapter, against a local fake API serving the studies in pages of 7.</summary>
public sealed class ClinicalTrialsApiSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(ClinicalTrialsApiSource);

    protected override string Kind => "api";

    protected override Task<string> WriteAsync(IReadOnlyList<string> studies)
    {
        var api = Track(new FakeClinicalTrialsApi(studies));
        return Task.FromResult(ApiQuery.FirstPage(api.BaseUrl, null, null, pageSize: 7).ToString());
    }

    protected override void Configure(IServiceCollection services) =>
        services.AddSingleton(new ApiSourceOptions { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 1 });
}
