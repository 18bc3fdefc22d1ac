using Clinical.Domain.Studies;

namespace Clinical.Infrastructure.Persistence.Schema;

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

    public override IReadOnlyList<TableSource> LocalSources => [.. _sources.Select(s => s.Source)];

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
