using BenchmarkDotNet.Attributes;
using Clinical.Application;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence.Copy;
using Clinical.Infrastructure.Persistence.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinical.Benchmarks;

/// <summary>
/// The per-study steps of an import, each over the 200 real studies of tests/fixtures (or the repo's synthetic sample):
/// time and allocations per operation (one operation = all studies; divide by <see cref="Studies"/>).
/// </summary>
[MemoryDiagnoser]
public class StudyPipelineBenchmarks
{
    private readonly StudyDecoder _decoder = new();
    private readonly StudyRecordValidator _validator = new();
    private readonly StudyValueFindings _valueFindings = new(new StudySchema());
    private readonly BinaryCopyBuffer _buffer = new(1 << 20);
    private RawStudy[] _raws = [];
    private StudyRecord[] _records = [];
    private Study[] _studies = [];
    private RawStudyProcessor _processor = null!;
    private IServiceScope? _scope;
    private byte[][] _hashes = [];

    public int Studies => _raws.Length;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _raws = [.. await new StudyFileSource().ReadAsync(Input.Path(), CancellationToken.None).ToListAsync()];
        _records = [.. _raws.Select(r => _decoder.Decode(r.Utf8.Span).Record!)];
        _studies = [.. _records.Select(StudyMapper.ToStudy)];

        // The per-study pipeline as the import composes it: Mediator with the validation and mapping behaviors, the
        // repository's row preparation at its end (pure: the connection string is never opened).
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Clinical"] = "Host=localhost;Database=bench" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddApplication()
            .AddInfrastructure(configuration);
        _scope = services.BuildServiceProvider().CreateScope();
        _processor = _scope.ServiceProvider.GetRequiredService<RawStudyProcessor>();
        _hashes = [.. _raws.Select(r => System.Security.Cryptography.SHA256.HashData(r.Utf8.Span))];
    }

    [GlobalCleanup]
    public void Cleanup() => _scope?.Dispose();

    /// <summary>The reader's thread: read the file, find each study's end (the splitter), copy its bytes out.</summary>
    [Benchmark]
    public async Task<int> ReadAndSplit()
    {
        var n = 0;
        await foreach (var raw in new StudyFileSource().ReadAsync(Input.Path(), CancellationToken.None))
        {
            n += raw.Utf8.Length > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>The one pass over each study's text: record, salvage, drift, shape and U+0000.</summary>
    [Benchmark]
    public int Decode()
    {
        var n = 0;
        foreach (var raw in _raws)
        {
            n += _decoder.Decode(raw.Utf8.Span).Record is null ? 0 : 1;
        }

        return n;
    }

    [Benchmark]
    public int Validate()
    {
        var n = 0;
        foreach (var record in _records)
        {
            n += _validator.Validate(record).Errors.Count;
        }

        return n;
    }

    /// <summary>The value findings of the mapped studies: one walk over each aggregate asking its value objects.</summary>
    [Benchmark]
    public int ValueFindings()
    {
        var n = 0;
        foreach (var study in _studies)
        {
            n += _valueFindings.Collect(study)?.Count ?? 0;
        }

        return n;
    }

    [Benchmark]
    public int Map()
    {
        var n = 0;
        foreach (var record in _records)
        {
            n += StudyMapper.ToStudy(record).NctId.Value.Length;
        }

        return n;
    }

    /// <summary>
    /// What the reader stage does per study after hashing: decode, then the per-study Mediator pipeline
    /// (validation behavior, the mapping handler with its value findings, the encoding handler preparing every table's COPY rows).
    /// </summary>
    [Benchmark]
    public int Process()
    {
        var n = 0;
        for (var i = 0; i < _raws.Length; i++)
        {
            var processed = _processor.ProcessAsync(1, _raws[i], _hashes[i], CancellationToken.None).AsTask().GetAwaiter().GetResult();
            n += processed.Prepared is null ? 0 : 1;
            processed.Prepared?.Release();
        }

        return n;
    }

    /// <summary>Encoding every table's binary COPY rows: what the writer stage does per study before PostgreSQL.</summary>
    [Benchmark]
    public int EncodeRows()
    {
        var lineage = new StudyLineage(1, new byte[32], new DateTime(2026, 1, 1));
        var rows = 0;
        foreach (var table in StudyTables.All)
        {
            _buffer.Reset();
            foreach (var study in _studies)
            {
                rows += table.WriteRows(_buffer, study, lineage);
            }
        }

        return rows;
    }
}
