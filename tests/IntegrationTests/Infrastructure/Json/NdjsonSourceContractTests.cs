using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class NdjsonSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "ndjson";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.NdjsonAsync(Path.Combine(Directory, "studies.ndjson"), studies);
}
