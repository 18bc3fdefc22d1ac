using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>The import's storage ports in one type, so one substitute can stand for all of them and record one call order.</summary>
public interface IImportPorts : IRunLedger, IStudyStore, IStudyRowEncoder;
