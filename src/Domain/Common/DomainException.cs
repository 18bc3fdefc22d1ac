namespace Clinical.Domain.Common;

/// <summary>A rule of the trial domain was broken: the input should have been rejected before it reached the domain.</summary>
public sealed class DomainException(string message) : Exception(message);
