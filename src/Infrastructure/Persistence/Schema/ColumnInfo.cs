using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>What the data dictionary and the DDL know of a column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">PostgreSQL type as written in DDL.</param>
/// <param name="JsonPath">Path of the value relative to its table's row (null for keys and lineage).</param>
/// <param name="Note">How the value is derived from the JSON, when it is not the value itself.</param>
/// <param name="Derived">True for a column computed from the value (a parsed number, a date's first day); false for the column that holds the value as sent.</param>
/// <param name="Kind">What the JSON value is (drives the value rules and the sample generator).</param>
/// <param name="EnumType">For codes: the enum whose spellings the value takes.</param>
public sealed record ColumnInfo(string Name, string SqlType, string? JsonPath, string? Note, bool Derived = false, StudyValueKind Kind = StudyValueKind.Text, Type? EnumType = null);
