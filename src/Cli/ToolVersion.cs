using System.Reflection;

namespace Clinical.Cli;

/// <summary>
/// The tool's version (from Directory.Build.props) and the commit it was built from: the SDK appends the git commit
/// (SourceRevisionId) to the informational version when it builds from a git checkout.
/// </summary>
public static class ToolVersion
{
    private static readonly string Informational =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without the commit, e.g. <c>0.1.0</c>.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The full commit hash, or null when the build did not come from a git checkout.</summary>
    public static string? Commit => Informational.Split('+') is [_, { Length: > 0 } commit, ..] ? commit : null;

    /// <summary>What <c>clinical --version</c> prints: <c>clinical 0.1.0 (commit 0123abc…)</c>.</summary>
    public static string Text => $"clinical {Version} (commit {Commit ?? "unknown: not built from a git checkout"})";
}
