using Microsoft.Extensions.Logging;

namespace Clinical.Application.Studies.Import;

/// <summary>What an import tells its log, apart from the result it returns.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: the input broke off after {Read} studies ({Reason}); the studies before the break were imported")]
    public static partial void LogInputError(this ILogger logger, long runId, long read, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the input's structure is damaged at byte {ByteOffset}: {Problem}")]
    public static partial void LogInputWarning(this ILogger logger, long runId, long byteOffset, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: cancelled after {Read} studies; the batch in flight was completed")]
    public static partial void LogCancelled(this ILogger logger, long runId, long read);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: --full marks no study deleted: data after the array's closing ']' was ignored (see the warning), so studies may have gone unread; import a complete download to record deletions")]
    public static partial void LogNoDeletes(this ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: could not record the run's failure ({Reason}); the next run marks it interrupted")]
    public static partial void LogCompleteFailed(this ILogger logger, long runId, string reason);
}
