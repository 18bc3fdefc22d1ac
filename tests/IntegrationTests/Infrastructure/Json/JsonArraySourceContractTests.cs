using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class JsonArraySourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "json-array";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.JsonArrayAsync(Path.Combine(Directory, "ctg-studies.json"), studies);
}
