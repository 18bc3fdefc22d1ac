using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class GzipSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "gzip";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.GzipAsync(Path.Combine(Directory, "ctg-studies.json.gz"), studies);
}
