namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>A JSON array that feeds a table, and the discriminator its rows get.</summary>
public sealed record TableSource(string JsonPath, string? Kind);
