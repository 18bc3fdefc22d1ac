namespace Clinical.IntegrationTests.Sample;

/// <summary>One field of the registry's data model (<c>ctg-studies-metadata.json</c>).</summary>
internal sealed record MetadataNode(string Path, string Type, bool IsEnum, bool HasChildren, int? MaxChars);
