using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clinical.ScaleSample;

/// <summary>
/// Makes a large ctg-studies.json for benchmarks from a small file of real studies (by default the 200 of
/// tests/fixtures/ctgov/real-studies.json.gz). Draws studies from the input with replacement, seeded, so the output is
/// the same every time; gives each copy a fresh NCT id (NCT10000000 upwards, a range the registry has not used) in place
/// of its own wherever the study names it; holds the share of studies with results at --results-share (about 13 % in
/// the registry); and writes the website download's shape: '[', one compact study per line joined by ',', ']' (or
/// NDJSON).
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: ScaleSample --studies N -o FILE [--input real-studies.json[.gz]] [--results-share 0.13] [--seed 20261126] [--format array|ndjson]";

    private const string Placeholder = "\"@NCT@\"";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"ScaleSample: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (withResults, withoutResults) = Load(options.Input);
        if (withResults.Count + withoutResults.Count == 0)
        {
            Console.Error.WriteLine($"ScaleSample: {options.Input} holds no studies");
            return 1;
        }

        Write(options, withResults, withoutResults);
        var megabytes = new FileInfo(options.Output).Length / 1e6;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {options.Studies} studies to {options.Output} ({megabytes:F1} MB)"));
        return 0;
    }

    /// <summary>Each study of the input as one compact line with its NCT id replaced by the placeholder, by hasResults.</summary>
    private static (List<string> WithResults, List<string> WithoutResults) Load(string input)
    {
        List<string> withResults = [];
        List<string> withoutResults = [];
        using var file = File.OpenRead(input);
        using Stream stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var document = JsonDocument.Parse(stream);
        foreach (var study in document.RootElement.EnumerateArray())
        {
            var nctId = study.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
            var text = OneLine(study).Replace($"\"{nctId}\"", Placeholder, StringComparison.Ordinal);
            var hasResults = study.TryGetProperty("hasResults", out var flag) && flag.ValueKind == JsonValueKind.True;
            (hasResults ? withResults : withoutResults).Add(text);
        }

        return (withResults, withoutResults);
    }

    /// <summary>The study's own text when it is already one line (as in a download), else the study written compactly.</summary>
    private static string OneLine(JsonElement study)
    {
        var raw = study.GetRawText();
        if (!raw.Contains('\n', StringComparison.Ordinal) && !raw.Contains('\r', StringComparison.Ordinal))
        {
            return raw;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            study.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip;
    }

    private static void Write(Options options, List<string> withResults, List<string> withoutResults)
    {
        var random = new Random(options.Seed);
        var array = options.Format == "array";
        using var output = new StreamWriter(options.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20) { NewLine = "\n" };
        if (array)
        {
            output.WriteLine("[");
        }

        for (var i = 0; i < options.Studies; i++)
        {
            var pool = random.NextDouble() < options.ResultsShare ? withResults : withoutResults;
            if (pool.Count == 0)
            {
                pool = withResults.Count > 0 ? withResults : withoutResults;
            }

            var nctId = string.Create(CultureInfo.InvariantCulture, $"\"NCT{10_000_000 + i:D8}\"");
            output.Write(pool[random.Next(pool.Count)].Replace(Placeholder, nctId, StringComparison.Ordinal));
            output.WriteLine(array && i + 1 < options.Studies ? "," : string.Empty);
        }

        if (array)
        {
            output.WriteLine("]");
        }
    }

    private sealed record Options(int Studies, string Output, string Input, double ResultsShare, int Seed, string Format)
    {
        public static Options Parse(string[] args)
        {
            int? studies = null;
            string? output = null;
            string? input = null;
            var share = 0.13;
            var seed = 20261126;
            var format = "array";
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
                switch (name)
                {
                    case "--studies":
                        studies = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 90_000_000 ? n : throw new ArgumentException("--studies takes a count from 1 to 89999999");
                        break;
                    case "-o" or "--output":
                        output = value;
                        break;
                    case "--input":
                        input = value;
                        break;
                    case "--results-share":
                        share = double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1 ? s : throw new ArgumentException("--results-share takes a number from 0 to 1");
                        break;
                    case "--seed":
                        seed = int.TryParse(value, CultureInfo.InvariantCulture, out var r) ? r : throw new ArgumentException("--seed takes an integer");
                        break;
                    case "--format":
                        format = value is "array" or "ndjson" ? value : throw new ArgumentException("--format takes array or ndjson");
                        break;
                    default:
                        throw new ArgumentException($"unknown option {name}");
                }
            }

            return new Options(
                studies ?? throw new ArgumentException("--studies is required"),
                output ?? throw new ArgumentException("-o is required"),
                input ?? DefaultInput(),
                share,
                seed,
                format);
        }

        /// <summary>tests/fixtures/ctgov/real-studies.json.gz of the repository above the working directory or this tool.</summary>
        private static string DefaultInput()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "ctgov", "real-studies.json.gz");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            throw new ArgumentException("no tests/fixtures/ctgov/real-studies.json.gz above the working directory: give --input");
        }
    }
}
