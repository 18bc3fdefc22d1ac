using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class ZipSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "zip";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.ZipAsync(Path.Combine(Directory, "ctg-studies.json.zip"), studies);
}
