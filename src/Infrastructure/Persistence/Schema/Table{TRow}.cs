using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>A table whose rows are <typeparamref name="TRow"/>; the fluent methods add columns in order.</summary>
public abstract class Table<TRow> : Table
{
    private readonly List<Column<TRow>> _columns = [];
    // The number of fields in a row, worked out at the first study and kept: 0 until then. An int, because the encoders'
    // threads race to set it on the first studies, and an int is read and written whole where an int? is two fields: a
    // thread could see "has a value" before the value and write rows of 0 fields (PostgreSQL: "row field count is 0").
    private int _fieldCount;

    private protected Table(string name, string description, Table? parent, string? kindColumn, string? ordinalColumn)
        : base(name, description, parent, kindColumn, ordinalColumn)
    {
    }

    public override IReadOnlyList<ColumnInfo> ValueColumns => [.. _columns.Select(c => c.Info), .. ExtraColumns];

    private protected virtual IEnumerable<ColumnInfo> ExtraColumns => [];

    private protected IReadOnlyList<Column<TRow>> Columns => _columns;

    internal delegate void RowVisitor(TRow row, in RowKey key);

    /// <summary>Calls <paramref name="visit"/> for every row of this table in <paramref name="study"/>, with its key.</summary>
    internal abstract void Visit(Study study, RowVisitor visit);

    /// <summary>A table whose rows are the elements of one JSON array under each row of this table.</summary>
    public Table<TChild> Child<TChild>(string name, string ordinalColumn, string jsonPath, Func<TRow, IReadOnlyList<TChild>?> rows, string description) =>
        new ChildTable<TRow, TChild>(name, description, this, null, ordinalColumn, [(new TableSource(jsonPath, null), rows)]);

    /// <summary>A table whose rows come from several JSON arrays of the same shape, told apart by <paramref name="kindColumn"/>.</summary>
    public Table<TChild> Merged<TChild>(string name, string kindColumn, string ordinalColumn, string description, params (string Kind, string JsonPath, Func<TRow, IReadOnlyList<TChild>?> Rows)[] sources) =>
        new ChildTable<TRow, TChild>(name, description, this, kindColumn, ordinalColumn, [.. sources.Select(s => (new TableSource(s.JsonPath, s.Kind), s.Rows))]);

    public Table<TRow> Text(string name, string path, Func<TRow, string?> value) =>
        Add(new TextColumn<TRow>(new ColumnInfo(name, SqlTypes.Text, path, null), value));

    public Table<TRow> Code<TEnum>(string name, string path, Func<TRow, Coded<TEnum>?> value)
        where TEnum : struct, Enum =>
        Add(new TextColumn<TRow>(new ColumnInfo(name, SqlTypes.Text, path, $"enum {typeof(TEnum).Name}, as spelled by the registry", Kind: StudyValueKind.Code, EnumType: typeof(TEnum)), row => value(row)?.Raw));

    public Table<TRow> Bool(string name, string path, Func<TRow, bool?> value) =>
        Add(new ValueColumn<TRow, bool>(new ColumnInfo(name, SqlTypes.Boolean, path, null, Kind: StudyValueKind.Boolean), value, static (b, v) => b.WriteBoolean(v)));

    public Table<TRow> Int(string name, string path, Func<TRow, int?> value) =>
        Add(new ValueColumn<TRow, int>(new ColumnInfo(name, SqlTypes.Integer, path, null, Kind: StudyValueKind.Integer), value, static (b, v) => b.WriteInt32(v)));

    public Table<TRow> Long(string name, string path, Func<TRow, long?> value) =>
        Add(new ValueColumn<TRow, long>(new ColumnInfo(name, SqlTypes.BigInt, path, null, Kind: StudyValueKind.Integer), value, static (b, v) => b.WriteInt64(v)));

    /// <summary>A JSON number with a fraction as <c>numeric</c>, which keeps its spelling's scale (0.0 stays 0.0, 48.10 stays 48.10).</summary>
    public Table<TRow> Decimal(string name, string path, Func<TRow, decimal?> value) =>
        Add(new ValueColumn<TRow, decimal>(new ColumnInfo(name, SqlTypes.Numeric, path, null, Kind: StudyValueKind.Number), value, static (b, v) => b.WriteNumeric(v)));

    /// <summary>A full date (YYYY-MM-DD in the registry) as a <c>date</c>.</summary>
    public Table<TRow> Date(string name, string path, Func<TRow, PartialDate?> value) =>
        Add(new ValueColumn<TRow, DateOnly>(new ColumnInfo(name, SqlTypes.Date, path, null, Kind: StudyValueKind.Date), row => value(row)?.FirstDay, static (b, v) => b.WriteDate(v)));

    /// <summary>A partial date: <c>name</c> (first day), <c>name_precision</c> (year/month/day) and <c>name_raw</c> (as sent).</summary>
    public Table<TRow> PartialDate(string name, string path, Func<TRow, PartialDate?> value) =>
        Add(new ValueColumn<TRow, DateOnly>(new ColumnInfo(name, SqlTypes.Date, path, "first day of the period the partial date names", Derived: true, Kind: StudyValueKind.PartialDate), row => value(row)?.FirstDay, static (b, v) => b.WriteDate(v)))
        .Add(new TextColumn<TRow>(new ColumnInfo(name + "_precision", SqlTypes.Text, path, "year, month, day or unparsed", Derived: true, Kind: StudyValueKind.PartialDate), row => value(row) is { } d ? SqlTypes.PrecisionName(d.Precision) : null))
        .Add(new TextColumn<TRow>(new ColumnInfo(name + "_raw", SqlTypes.Text, path, "as sent by the registry", Kind: StudyValueKind.PartialDate), row => value(row)?.Raw));

    /// <summary>A timestamp to the minute: <c>name</c> (timestamp) and <c>name_raw</c> (as sent).</summary>
    public Table<TRow> Timestamp(string name, string path, Func<TRow, LocalTimestamp?> value) =>
        Add(new ValueColumn<TRow, DateTime>(new ColumnInfo(name, SqlTypes.Timestamp, path, "parsed", Derived: true, Kind: StudyValueKind.Timestamp), row => value(row)?.Value, static (b, v) => b.WriteTimestamp(v)))
        .Add(new TextColumn<TRow>(new ColumnInfo(name + "_raw", SqlTypes.Text, path, "as sent by the registry", Kind: StudyValueKind.Timestamp), row => value(row)?.Raw));

    /// <summary>An age or duration: <c>name</c> (as sent, "18 Years"), <c>name_number</c>, <c>name_unit</c>, <c>name_years</c>.</summary>
    public Table<TRow> Age(string name, string path, Func<TRow, Age?> value) =>
        Add(new TextColumn<TRow>(new ColumnInfo(name, SqlTypes.Text, path, "as sent by the registry", Kind: StudyValueKind.Age), row => value(row)?.Raw))
        .Add(new ValueColumn<TRow, decimal>(new ColumnInfo(name + "_number", SqlTypes.Numeric, path, "the number", Derived: true, Kind: StudyValueKind.Age), row => value(row)?.Number, static (b, v) => b.WriteNumeric(v)))
        .Add(new TextColumn<TRow>(new ColumnInfo(name + "_unit", SqlTypes.Text, path, "year, month, week, day, hour or minute", Derived: true, Kind: StudyValueKind.Age), row => value(row)?.Unit is { } u ? SqlTypes.UnitName(u) : null))
        .Add(new ValueColumn<TRow, decimal>(new ColumnInfo(name + "_years", SqlTypes.Numeric, path, "converted to years", Derived: true, Kind: StudyValueKind.Age), row => value(row)?.Years, static (b, v) => b.WriteNumeric(v)));

    /// <summary>A result number sent as text: <c>name</c> (as sent), <c>name_number</c> (parsed), <c>name_qualifier</c> (&lt;, &gt;, =…).</summary>
    public Table<TRow> Result(string name, string path, Func<TRow, ResultValue?> value) =>
        Add(new TextColumn<TRow>(new ColumnInfo(name, SqlTypes.Text, path, "as sent by the registry", Kind: StudyValueKind.ResultNumber), row => value(row)?.Raw))
        .Add(new ValueColumn<TRow, decimal>(new ColumnInfo(name + "_number", SqlTypes.Numeric, path, "parsed: thousands separators removed, NA is null", Derived: true, Kind: StudyValueKind.ResultNumber), row => value(row)?.Number, static (b, v) => b.WriteNumeric(v)))
        .Add(new TextColumn<TRow>(new ColumnInfo(name + "_qualifier", SqlTypes.Text, path, "leading <, <=, >, >= or = of the text", Derived: true, Kind: StudyValueKind.ResultNumber), row => value(row)?.Qualifier));

    private protected Table<TRow> Add(Column<TRow> column)
    {
        if (AllColumns.Any(c => c.Name == column.Info.Name))
        {
            throw new InvalidOperationException($"Table {Name} has two columns named {column.Info.Name}.");
        }

        _columns.Add(column);
        return this;
    }

    internal override int WriteRows(BinaryCopyBuffer buffer, Study study, StudyLineage lineage)
    {
        var rows = 0;
        var nctId = study.NctId.Value;
        var hasKind = KindColumn is not null;
        var fields = _fieldCount;
        if (fields == 0)
        {
            _fieldCount = fields = KeyColumns.Count + ValueColumns.Count;
        }
        Visit(study, (TRow row, in RowKey key) =>
        {
            buffer.StartRow(fields);
            buffer.WriteText(nctId);
            if (hasKind)
            {
                buffer.WriteText(key.Kind!);
            }

            for (var level = 0; level < key.Depth; level++)
            {
                buffer.WriteInt32(key[level]);
            }

            foreach (var column in _columns)
            {
                column.Write(buffer, row);
            }

            WriteExtra(buffer, lineage);
            rows++;
        });
        return rows;
    }

    private protected virtual void WriteExtra(BinaryCopyBuffer buffer, StudyLineage lineage)
    {
    }

    public override int CountRows(Study study)
    {
        var rows = 0;
        Visit(study, (TRow _, in RowKey _) => rows++);
        return rows;
    }
}
