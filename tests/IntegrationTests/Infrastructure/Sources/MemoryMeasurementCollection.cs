namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>Tests that measure the process's memory run alone: other tests' allocations would blur the measure.</summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;
