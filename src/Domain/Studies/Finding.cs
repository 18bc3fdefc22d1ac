namespace Clinical.Domain.Studies;

/// <summary>
/// Something wrong with a study that does not stop it from being stored: a broken soft invariant (more affected than at
/// risk, a groupId no group declares) or a value the registry is not known to send. The study loads whole; the finding
/// says where (<paramref name="JsonPath"/>, with array indices) and what was there.
/// </summary>
/// <param name="Rule">Stable rule name, e.g. <c>affected-exceeds-at-risk</c>.</param>
/// <param name="JsonPath">Where in the record, e.g. <c>resultsSection.adverseEventsModule.seriousEvents[3].stats[0]</c>.</param>
/// <param name="Value">The offending value as sent, if there is one.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record Finding(string Rule, string JsonPath, string? Value, string Message);
