using Clinical.Infrastructure;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Aact;

public sealed class AactLayerOptionsTests
{
    [Fact]
    public void Resolve_NothingSet_SetsTheSearchPath()
    {
        var options = AactLayerOptions.Resolve(noSearchPath: false, _ => null);

        options.SetSearchPath.ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "keep")]
    [InlineData(false, " KEEP ")]
    [InlineData(true, "set")]
    public void Resolve_FlagOrKeepInTheEnvironment_LeavesTheSearchPath(bool noSearchPath, string? variable)
    {
        var options = AactLayerOptions.Resolve(noSearchPath, name => name == AactLayerOptions.SearchPathVariable ? variable : null);

        options.SetSearchPath.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_OtherValue_ThrowsAOneLineMessageNamingTheVariable()
    {
        var ex = Should.Throw<ArgumentException>(() => AactLayerOptions.Resolve(false, _ => "off"));

        ex.Message.ShouldBe("CLINICAL_SEARCH_PATH must be 'set' or 'keep', not 'off'");
    }
}
