using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class FolderSourceContractTests : StudySourceContractTests
{
    public override Type AdapterType => typeof(StudyFileSource);

    protected override string Kind => "directory";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.FolderAsync(Path.Combine(Directory, "ctg-studies"), studies);
}
