using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// One table of the schema, described once: its name, where its rows come from in the JSON, its key and its columns.
/// The description drives the DDL, the binary COPY writer, the data dictionary and the lossless test.
/// </summary>
public abstract class Table
{
    private protected Table(string name, string description, Table? parent, string? kindColumn, string? ordinalColumn)
    {
        Name = name;
        Description = description;
        Parent = parent;
        KindColumn = kindColumn ?? parent?.KindColumn;
        OrdinalColumn = ordinalColumn;
        Depth = parent is null ? 0 : parent.Depth + (ordinalColumn is null ? 0 : 1);
        if (Depth > RowKey.MaxDepth)
        {
            throw new InvalidOperationException($"Table {name} nests deeper than {RowKey.MaxDepth} arrays.");
        }
    }

    public string Name { get; }

    public string Description { get; }

    public Table? Parent { get; }

    /// <summary>The discriminator column of a table that merges several JSON arrays (e.g. outcome_type), if any.</summary>
    public string? KindColumn { get; }

    /// <summary>This table's own ordinal column (null for the studies table).</summary>
    public string? OrdinalColumn { get; }

    /// <summary>Number of array levels between the study and a row of this table.</summary>
    public int Depth { get; }

    /// <summary>Where the rows come from: absolute JSON paths of the arrays, each with its discriminator value (none for a derived table).</summary>
    public abstract IReadOnlyList<TableSource> Sources { get; }

    /// <summary>
    /// True for a table whose rows the importer derives (e.g. findings) rather than reads from a JSON array of the record:
    /// it has no sources and no column paths, so the drift scan, the lossless test and the sample generator never see it.
    /// </summary>
    public virtual bool IsDerived => false;

    /// <summary>Value columns that get a secondary index of their own (e.g. findings.rule, for per-rule queries).</summary>
    public virtual IReadOnlyList<string> IndexedColumns => [];

    /// <summary>Key columns in order: nct_id, the discriminator, then the ordinals from the outermost array in.</summary>
    public IReadOnlyList<ColumnInfo> KeyColumns
    {
        get
        {
            var keys = new List<ColumnInfo> { new("nct_id", SqlTypes.Text, null, "NCT number of the study (protocolSection.identificationModule.nctId)") };
            if (KindColumn is not null)
            {
                keys.Add(new ColumnInfo(KindColumn, SqlTypes.Text, null, "Which JSON array the row comes from"));
            }

            var chain = new List<Table>();
            for (var t = this; t is not null; t = t.Parent)
            {
                if (t.OrdinalColumn is not null)
                {
                    chain.Insert(0, t);
                }
            }

            foreach (var t in chain)
            {
                keys.Add(new ColumnInfo(t.OrdinalColumn!, SqlTypes.Integer, null, t.IsDerived ? $"0-based position among the study's {t.Name}" : $"0-based index in the JSON array ({t.Name})"));
            }

            return keys;
        }
    }

    /// <summary>Value columns (and, for the studies table, lineage columns), in table order after the key.</summary>
    public abstract IReadOnlyList<ColumnInfo> ValueColumns { get; }

    public IEnumerable<ColumnInfo> AllColumns => KeyColumns.Concat(ValueColumns);

    /// <summary>Each value column with the absolute JSON path it reads, per source (none for a derived table).</summary>
    public IEnumerable<(TableSource Source, ColumnInfo Column, string JsonPath)> ColumnPaths() =>
        IsDerived ? [] : Sources.SelectMany(source => ValueColumns.Where(c => c.JsonPath is not null).Select(c => (source, c, JoinPath(source.JsonPath, c.JsonPath!))));

    /// <summary>Joins a source path ("$" for the study) and a path relative to the row ("" for the element itself).</summary>
    public static string JoinPath(string source, string relative) =>
        relative.Length == 0 ? source : source == "$" ? relative : $"{source}.{relative}";

    /// <summary>Writes every row this table holds for <paramref name="study"/>; returns how many.</summary>
    internal abstract int WriteRows(BinaryCopyBuffer buffer, Study study, StudyLineage lineage);

    /// <summary>Counts the rows this table holds for <paramref name="study"/> (no writing).</summary>
    public abstract int CountRows(Study study);
}

/// <summary>A JSON array that feeds a table, and the discriminator its rows get.</summary>
public sealed record TableSource(string JsonPath, string? Kind);

/// <summary>What the repository knows of a study beyond its content: the run writing it and the hash of its raw JSON.</summary>
internal readonly record struct StudyLineage(long RunId, byte[] ContentSha256, DateTime ImportedAt);

/// <summary>A table whose rows are <typeparamref name="TRow"/>; the fluent methods add columns in order.</summary>
public abstract class Table<TRow> : Table
{
    private readonly List<Column<TRow>> _columns = [];
    private int? _fieldCount;

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

    public Table<TRow> Double(string name, string path, Func<TRow, double?> value) =>
        Add(new ValueColumn<TRow, double>(new ColumnInfo(name, SqlTypes.Double, path, null, Kind: StudyValueKind.Number), value, static (b, v) => b.WriteDouble(v)));

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
        var fields = _fieldCount ??= KeyColumns.Count + ValueColumns.Count;
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

/// <summary>The studies table: one row per study, with the run that last wrote it and the hash of its raw JSON.</summary>
internal sealed class StudiesTable(string name, string description) : Table<Study>(name, description, null, null, null)
{
    public override IReadOnlyList<TableSource> Sources { get; } = [new TableSource("$", null)];

    private protected override IEnumerable<ColumnInfo> ExtraColumns =>
    [
        new("content_sha256", SqlTypes.Bytea, null, "SHA-256 of the study's raw JSON text as read from the input"),
        new("import_run_id", SqlTypes.BigInt, null, "import_runs.run_id of the run that last wrote the study"),
        new("imported_at", SqlTypes.Timestamp, null, "when that run read and encoded it (UTC), moments before it was written"),
    ];

    internal override void Visit(Study study, RowVisitor visit) => visit(study, default);

    private protected override void WriteExtra(BinaryCopyBuffer buffer, StudyLineage lineage)
    {
        buffer.WriteBytes(lineage.ContentSha256);
        buffer.WriteInt64(lineage.RunId);
        buffer.WriteTimestamp(lineage.ImportedAt);
    }
}

internal sealed class ChildTable<TParent, TRow>(
    string name,
    string description,
    Table<TParent> parent,
    string? kindColumn,
    string ordinalColumn,
    IReadOnlyList<(TableSource Source, Func<TParent, IReadOnlyList<TRow>?> Rows)> sources)
    : Table<TRow>(name, description, parent, kindColumn, ordinalColumn)
{
    private readonly Table<TParent> _parent = parent;
    private readonly IReadOnlyList<(TableSource Source, Func<TParent, IReadOnlyList<TRow>?> Rows)> _sources = sources;

    public override IReadOnlyList<TableSource> Sources =>
        [.. _sources.SelectMany(s => _parent.Sources.Select(p => new TableSource(JoinPath(p.JsonPath, s.Source.JsonPath), s.Source.Kind ?? p.Kind)))];

    internal override void Visit(Study study, RowVisitor visit) =>
        _parent.Visit(study, (TParent parentRow, in RowKey parentKey) =>
        {
            foreach (var (source, rows) in _sources)
            {
                if (rows(parentRow) is not { } list)
                {
                    continue;
                }

                var key = parentKey.WithKind(source.Kind);
                for (var ordinal = 0; ordinal < list.Count; ordinal++)
                {
                    visit(list[ordinal], key.Push(ordinal)); // by index: no boxed enumerator per parent row
                }
            }
        });
}
