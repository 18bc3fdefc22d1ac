namespace Clinical.Infrastructure;

/// <summary>A database setting (a variable, an option, the connection string) cannot be used as given; the message says which and why.</summary>
public sealed class DatabaseSettingsException(string message) : Exception(message);
