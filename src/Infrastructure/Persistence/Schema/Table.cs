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
    /// Where the rows come from relative to a row of the parent table: the array's path below the parent's element, each
    /// with its discriminator (for the studies table, "$"; none for a derived table). The export walks these back down.
    /// </summary>
    public virtual IReadOnlyList<TableSource> LocalSources => Sources;

    /// <summary>
    /// True for a table whose rows the importer derives (e.g. findings) rather than reads from a JSON array of the record:
    /// it has no sources and no column paths, so the drift check, the lossless test and the sample generator never see it.
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
