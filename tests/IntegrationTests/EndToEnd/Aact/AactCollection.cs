namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>The AACT query test classes share one import of the real studies.</summary>
[CollectionDefinition(Name)]
public sealed class AactCollection : ICollectionFixture<AactRealStudies>
{
    public const string Name = "AACT over the real studies";
}
