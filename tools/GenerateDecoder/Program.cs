using Clinical.GenerateDecoder;

// dotnet run --project tools/GenerateDecoder [-- PATH]: writes the generated reader (default: the repository's copy).
var path = args.Length > 0 ? args[0] : Path.Combine(DecoderSource.RepositoryRoot(), DecoderSource.RelativePath);
File.WriteAllText(path, DecoderSource.Generate());
Console.WriteLine($"wrote {path}");
