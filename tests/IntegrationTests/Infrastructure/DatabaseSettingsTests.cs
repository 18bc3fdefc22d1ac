using Clinical.Infrastructure;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure;

public sealed class DatabaseSettingsTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [Fact]
    public void Resolve_NothingSet_UsesTheDocumentedDefaults()
    {
        var settings = DatabaseSettings.Resolve(null, null, NoVariables);

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.Host.ShouldBe("localhost");
        builder.Port.ShouldBe(5432);
        builder.Database.ShouldBe("clinical");
        builder.Username.ShouldBe(Environment.UserName);
        builder.Password.ShouldBeNull();
        settings.StatementTimeout.ShouldBe(TimeSpan.FromHours(1));
        builder.Options.ShouldBe("-c statement_timeout=3600000");
        builder.CommandTimeout.ShouldBe(3660); // the server's clear error comes first; the client gives up a minute later
        settings.Description.ShouldBe($"localhost:5432/clinical as {Environment.UserName}");
    }

    [Fact]
    public void Resolve_SeedVariables_AreHonoured()
    {
        var variables = new Dictionary<string, string> { ["DBHOST"] = "db.internal", ["DBPORT"] = "6432", ["DBNAME"] = "argon_db", ["DBUSER"] = "argon_user", ["DBPASSWORD"] = "pw" };

        var settings = DatabaseSettings.Resolve(null, null, name => variables.GetValueOrDefault(name));

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).ShouldBe(("db.internal", 6432, "argon_db", "argon_user", "pw"));
        settings.Description.ShouldBe("db.internal:6432/argon_db as argon_user");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("54 32")]
    public void Resolve_MistypedDbPort_ThrowsOneLineNamingTheVariable(string port)
    {
        var act = () => DatabaseSettings.Resolve(null, null, name => name == "DBPORT" ? port : null);

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldBe($"DBPORT '{port}' is not a port number (1-65535).");
    }

    [Fact]
    public void Resolve_ConnectionString_OverridesTheVariablesAndKeepsItsOwnOptions()
    {
        var settings = DatabaseSettings.Resolve("Host=h;Port=7;Database=d;Username=u;Options=-c search_path=ctgov", null, name => name == "DBHOST" ? "ignored" : null);

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.Host.ShouldBe("h");
        builder.Options.ShouldBe("-c search_path=ctgov -c statement_timeout=3600000");
    }

    [Fact]
    public void Resolve_OptionAndVariable_TheOptionWins()
    {
        var settings = DatabaseSettings.Resolve(null, "90s", name => name == DatabaseSettings.StatementTimeoutVariable ? "30min" : null);

        settings.StatementTimeout.ShouldBe(TimeSpan.FromSeconds(90));
        new NpgsqlConnectionStringBuilder(settings.ConnectionString).Options.ShouldBe("-c statement_timeout=90000");
        new NpgsqlConnectionStringBuilder(settings.ConnectionString).CommandTimeout.ShouldBe(150);
    }

    [Fact]
    public void Resolve_VariableOnly_AppliesTheVariable()
    {
        var settings = DatabaseSettings.Resolve(null, null, name => name == DatabaseSettings.StatementTimeoutVariable ? "30min" : null);

        settings.StatementTimeout.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Resolve_ZeroTimeout_SetsNoStatementTimeoutAndNoCommandTimeout()
    {
        var settings = DatabaseSettings.Resolve(null, "0", NoVariables);

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        settings.StatementTimeout.ShouldBe(TimeSpan.Zero);
        builder.Options.ShouldBe("-c statement_timeout=0");
        builder.CommandTimeout.ShouldBe(0);
    }

    [Fact]
    public void Resolve_MistypedVariable_ThrowsNamingTheVariable()
    {
        var act = () => DatabaseSettings.Resolve(null, null, name => name == DatabaseSettings.StatementTimeoutVariable ? "an hour" : null);

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldStartWith($"{DatabaseSettings.StatementTimeoutVariable} 'an hour' is not a duration");
    }

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("30min", 1_800_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData(" 2H ", 7_200_000)]
    [InlineData("500ms", 500)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    public void ParseTimeout_PostgresStyleDuration_Parses(string text, long milliseconds)
    {
        var timeout = DatabaseSettings.ParseTimeout(text, "--statement-timeout");

        timeout.TotalMilliseconds.ShouldBe(milliseconds);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("abc")]
    [InlineData("-1s")]
    [InlineData("30 minutes")]
    [InlineData("0.5ms")]
    [InlineData("25d")]
    [InlineData("")]
    public void ParseTimeout_NoUnitOrOutOfRange_ThrowsNamingTheOption(string text)
    {
        Action act = () => DatabaseSettings.ParseTimeout(text, "--statement-timeout");

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldStartWith($"--statement-timeout '{text}'");
    }

    [Fact]
    public void Resolve_InvalidConnectionString_ThrowsSayingSo()
    {
        var act = () => DatabaseSettings.Resolve("Host=h;Nonsense=1", null, NoVariables);

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldStartWith("the connection string cannot be used");
    }

    [Fact]
    public void Redact_TextWithThePassword_HidesIt()
    {
        var settings = DatabaseSettings.Resolve("Host=h;Database=d;Username=u;Password=s3cr3t", null, NoVariables);

        settings.Redact("login with s3cr3t failed").ShouldBe("login with ******** failed");
        settings.Description.ShouldNotContain("s3cr3t");
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(500, "500 ms")]
    [InlineData(90_000, "90 s")]
    [InlineData(1_800_000, "30 min")]
    [InlineData(5_400_000, "90 min")]
    [InlineData(3_600_000, "1 h")]
    [InlineData(1_500, "1500 ms")]
    public void FormatTimeout_Duration_UsesTheLargestExactUnit(long milliseconds, string expected)
    {
        DatabaseSettings.FormatTimeout(TimeSpan.FromMilliseconds(milliseconds)).ShouldBe(expected);
    }

    [Fact]
    public void Resolve_NoSchemaSet_UsesRegistryQuoted()
    {
        var settings = DatabaseSettings.Resolve(null, null, _ => null);

        settings.Schema.ShouldBeSameAs(DatabaseSchema.Default);
        settings.Schema.Name.ShouldBe("registry");
        settings.Schema.Qualified("studies").ShouldBe("\"registry\".studies");
    }

    [Fact]
    public void Resolve_SchemaVariable_NamesTheSchemaAndTheOptionWinsOverIt()
    {
        Func<string, string?> environment = name => name == DatabaseSchema.Variable ? "from_variable" : null;

        var fromVariable = DatabaseSettings.Resolve(null, null, environment);
        var fromOption = DatabaseSettings.Resolve(null, null, "from_option", environment);

        fromVariable.Schema.Name.ShouldBe("from_variable");
        fromOption.Schema.Name.ShouldBe("from_option");
    }

    [Fact]
    public void Resolve_EmptySchemaVariable_CountsAsUnset()
    {
        var settings = DatabaseSettings.Resolve(null, null, name => name == DatabaseSchema.Variable ? string.Empty : null);

        settings.Schema.Name.ShouldBe(DatabaseSchema.DefaultName);
    }
}
