using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// A query's answer as comparable text, whichever engine gave it: one line per row, cells normalized so that the same
/// value reads the same from PostgreSQL and DuckDB (numeric, double and HUGEINT as a number; a date and a midnight
/// timestamp as the date; NULL as ∅).
/// </summary>
internal static partial class QueryAnswers
{
    /// <summary>The queries of <c>tests/fixtures/aact/queries.sql</c>: name and SQL.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Suite(string path) =>
        [.. QueryBlock().Matches(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim()))];

    public static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? "∅" : Cell(reader.GetValue(i));
            }

            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }

    public static string Cell(object value) => value switch
    {
        bool b => b ? "true" : "false",
        byte or short or int or long or sbyte or ushort or uint or ulong or BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal d => Number((double)d),
        double d => Number(d),
        float f => Number(f),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Number(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Round(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("G12", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-- name: (.*?)\n(.*?)\n;$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex QueryBlock();
}
