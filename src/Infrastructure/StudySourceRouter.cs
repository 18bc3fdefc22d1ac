using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;

namespace Clinical.Infrastructure;

/// <summary>The one <see cref="IStudySource"/>: an http(s) address goes to the API, anything else to the file reader.</summary>
public sealed class StudySourceRouter(StudyFileSource files, ClinicalTrialsApiSource api) : IStudySource
{
    private readonly StudyFileSource _files = files;
    private readonly ClinicalTrialsApiSource _api = api;

    public StudySourceInfo Describe(string path) =>
        ApiQuery.IsUrl(path) ? new StudySourceInfo(path, "api", null) : _files.Describe(path);

    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var studies = ApiQuery.IsUrl(path) ? _api.ReadAsync(new Uri(path), cancellationToken) : _files.ReadAsync(path, cancellationToken);
        await foreach (var study in studies)
        {
            yield return study;
        }
    }
}
