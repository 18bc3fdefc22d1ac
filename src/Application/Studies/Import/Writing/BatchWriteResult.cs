namespace Clinical.Application.Studies.Import;

/// <summary>What one batch wrote: studies inserted or replaced, studies skipped as unchanged, and rows written in all tables.</summary>
public readonly record struct BatchWriteResult(int Written, int Unchanged, long Rows);
