namespace Clinical.Infrastructure.Api;

/// <summary>The first page's address of an API import: the studies endpoint, JSON, full pages, the user's query and --since.</summary>
public static class ApiQuery
{
    public const string DefaultBaseUrl = "https://clinicaltrials.gov/api/v2/studies";

    /// <param name="baseUrl">The studies endpoint.</param>
    /// <param name="query">Extra parameters as the API takes them, e.g. <c>query.cond=diabetes&amp;filter.overallStatus=RECRUITING</c>.</param>
    /// <param name="since">Only studies whose last update was posted on or after this date (LastUpdatePostDate).</param>
    /// <param name="pageSize">Studies per page (the API allows up to 1,000).</param>
    public static Uri FirstPage(string baseUrl, string? query, DateOnly? since, int pageSize = 1000)
    {
        var parts = new List<string> { "format=json", $"pageSize={pageSize}" };
        if (!string.IsNullOrWhiteSpace(query))
        {
            parts.Add(query.TrimStart('?', '&'));
        }

        if (since is { } date)
        {
            parts.Add($"filter.advanced={Uri.EscapeDataString($"AREA[LastUpdatePostDate]RANGE[{date:yyyy-MM-dd},MAX]")}");
        }

        return new Uri($"{baseUrl.TrimEnd('/')}?{string.Join('&', parts)}");
    }

    /// <summary>An absolute http(s) address.</summary>
    public static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
