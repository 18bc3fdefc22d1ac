using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class ApiPageSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "api-page";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.ApiPageAsync(Path.Combine(Directory, "page.json"), studies);
}
