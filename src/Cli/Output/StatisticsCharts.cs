using Clinical.Application.Statistics.GetStatistics;
using Spectre.Console;

namespace Clinical.Cli.Output;

/// <summary>
/// The charts <c>clinical stats</c> leads with: studies by overall status, by phase and by first-posted year, the share
/// with results, the top conditions and countries, and quarantine reasons and findings by rule.
/// </summary>
internal static class StatisticsCharts
{
    private const int Width = 72;
    private const int LabelLength = 34;

    private static readonly Color[] Palette = [Color.SteelBlue1, Color.MediumPurple, Color.DarkSeaGreen, Color.LightSalmon1, Color.Gold1, Color.Plum2, Color.Aquamarine1, Color.IndianRed1];

    public static void Write(IAnsiConsole console, DatabaseStatistics stats)
    {
        Bars(console, "Studies by overall status", stats.StudiesByStatus);
        Bars(console, "Studies by phase", stats.StudiesByPhase);
        Bars(console, "Studies by first-posted year", stats.StudiesByFirstPostedYear);
        Share(console, "Share with results", stats.StudiesByResults);
        Bars(console, "Top conditions (studies)", stats.TopConditions);
        Bars(console, "Top countries (studies with a site there)", stats.TopCountries);
        Bars(console, "Quarantine by reason", stats.QuarantineReasons);
        Bars(console, "Findings by rule (data kept, rule broken)", [.. stats.FindingsByRule.Select(f => new KeyValuePair<string, long>(f.Rule, f.Count))]);
        console.MarkupLine("[grey]All counts as tables: clinical stats --all · as JSON: clinical stats --json[/]");
    }

    private static void Bars(IAnsiConsole console, string title, IReadOnlyList<KeyValuePair<string, long>> pairs)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        if (pairs.Count == 0)
        {
            console.MarkupLine("  [grey]none[/]");
            console.WriteLine();
            return;
        }

        var chart = new BarChart().Width(Width);
        foreach (var ((label, count), index) in pairs.Select((pair, index) => (pair, index)))
        {
            chart.AddItem(Markup.Escape(Shorten(label)), count, Palette[index % Palette.Length]);
        }

        console.Write(chart);
        console.WriteLine();
    }

    private static void Share(IAnsiConsole console, string title, IReadOnlyList<KeyValuePair<string, long>> pairs)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        if (pairs.Count == 0)
        {
            console.MarkupLine("  [grey]none[/]");
            console.WriteLine();
            return;
        }

        var total = Math.Max(1, pairs.Sum(p => p.Value));
        var chart = new BreakdownChart().Width(Width).HideTagValues();
        foreach (var ((label, count), index) in pairs.Select((pair, index) => (pair, index)))
        {
            chart.AddItem(Markup.Escape($"{label}: {count:N0} ({100.0 * count / total:N0}%)"), count, index == 0 ? Color.SeaGreen2 : Color.Grey50);
        }

        console.Write(chart);
        console.WriteLine();
    }

    private static string Shorten(string label) => label.Length <= LabelLength ? label : $"{label[..(LabelLength - 1)]}…";
}
