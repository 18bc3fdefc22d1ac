using Clinical.Application;
using Clinical.Application.Studies.Import;
using Clinical.Application.Studies.Import.DryRun;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.UnitTests.Application;

public sealed class DryRunCompositionTests
{
    [Fact]
    public void AddDryRunImport_AfterTheStoresRegistrations_ReplacesTheLedgerTheStoreAndTheEncoderOnly()
    {
        // Arrange
        var store = Substitute.For<IImportPorts>();
        var services = new ServiceCollection();
        services.AddSingleton<IRunLedger>(store).AddSingleton<IStudyStore>(store).AddSingleton<IStudyRowEncoder>(store);
        var source = Substitute.For<IStudySource>();
        services.AddSingleton(source);

        // Act
        services.AddDryRunImport();
        using var provider = services.BuildServiceProvider();

        // Assert
        provider.GetRequiredService<IRunLedger>().ShouldBeOfType<DryRunLedger>();
        provider.GetRequiredService<IStudyStore>().ShouldBeOfType<DryRunStore>();
        provider.GetRequiredService<IStudyRowEncoder>().ShouldBeOfType<DryRunRowEncoder>();
        provider.GetServices<IStudyStore>().ShouldHaveSingleItem(); // replaced, not added beside the real one
        provider.GetRequiredService<IStudySource>().ShouldBeSameAs(source); // the input is read as in a real run
    }

    [Fact]
    public async Task DryRunStore_Batch_CountsEveryStudyAsWrittenWithItsRowsAndKeepsNothing()
    {
        // Arrange
        var store = new DryRunStore();
        var studies = new[] { Rows("NCT00000001", 3), Rows("NCT00000002", 2) };

        // Act
        var written = await store.WriteBatchAsync(-1, studies, [], TestContext.Current.CancellationToken);
        var stored = await store.GetStoredHashesAsync(["NCT00000001"], TestContext.Current.CancellationToken);

        // Assert
        written.ShouldBe(new BatchWriteResult(2, 0, 5));
        stored.ShouldBeEmpty();
        Should.Throw<ObjectDisposedException>(() => studies[0].Segment(0)); // the rows were let go
    }

    private static PreparedStudy Rows(string nctId, int rows) =>
        new(NctId.Parse(nctId), new byte[32], 0, rows, new byte[rows], [rows], release: null);
}
