namespace Clinical.Application.Common.Output;

/// <summary>
/// Where a command writes what it makes: a new file, or standard output for <see cref="StandardOutput"/>. The port keeps
/// files and the console out of the use cases.
/// </summary>
public interface IOutputFiles
{
    /// <summary>The name that stands for standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Why <paramref name="output"/> cannot be written (its folder does not exist), or null when it can.</summary>
    string? Problem(string output);

    /// <summary>
    /// Opens <paramref name="output"/> for writing. A file is written under a temporary name and takes its name, replacing
    /// an older file, only when committed: disposed uncommitted (a failure, a cancel), it leaves nothing behind.
    /// </summary>
    IOutputFile Open(string output);

    /// <summary>
    /// Reserves the file <paramref name="output"/> for a writer that needs a path rather than a stream: it writes at a
    /// temporary name that takes the file's name only when committed; disposed uncommitted, it leaves nothing behind.
    /// </summary>
    IOutputPath OpenPath(string output);
}
