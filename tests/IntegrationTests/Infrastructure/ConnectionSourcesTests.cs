using Clinical.Infrastructure;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure;

/// <summary>Which source each connection setting comes from: --connection, DB*, PG*, defaults; and the password file.</summary>
public sealed class ConnectionSourcesTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("clinical-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static Func<string, string?> Variables(params (string Name, string Value)[] pairs) =>
        name => pairs.Where(p => p.Name == name).Select(p => p.Value).FirstOrDefault();

    [Fact]
    public void Resolve_Uri_TakesEveryPartPercentDecoded()
    {
        var builder = ConnectionSources.Resolve("postgresql://loader:p%40ss%3Aword@db.example.org:6543/ct%20gov?sslmode=verify-full&application_name=nightly&connect_timeout=7", Variables());

        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).ShouldBe(("db.example.org", 6543, "ct gov", "loader", "p@ss:word"));
        builder.SslMode.ShouldBe(SslMode.VerifyFull);
        builder.ApplicationName.ShouldBe("nightly");
        builder.Timeout.ShouldBe(7);
    }

    [Fact]
    public void Resolve_PostgresSchemeAndUnixSocketHost_AreAccepted()
    {
        var builder = ConnectionSources.Resolve("postgres://%2Fvar%2Frun%2Fpostgresql/registry", Variables());

        (builder.Host, builder.Database).ShouldBe(("/var/run/postgresql", "registry"));
    }

    [Fact]
    public void Resolve_UriWithoutPortAndUser_FillsThemFromTheVariables()
    {
        var builder = ConnectionSources.Resolve("postgresql://db/registry?sslmode=require", Variables(("PGPORT", "7000"), ("DBUSER", "seed"), ("PGSSLMODE", "disable")));

        (builder.Host, builder.Port, builder.Database, builder.Username).ShouldBe(("db", 7000, "registry", "seed"));
        builder.SslMode.ShouldBe(SslMode.Require);
    }

    [Fact]
    public void Resolve_PgVariablesOnly_AreHonoured()
    {
        var builder = ConnectionSources.Resolve(null, Variables(
            ("PGHOST", "pg.internal"), ("PGPORT", "6432"), ("PGDATABASE", "aact"), ("PGUSER", "analyst"), ("PGPASSWORD", "pw"), ("PGSSLMODE", "verify-ca"), ("PGAPPNAME", "etl")));

        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).ShouldBe(("pg.internal", 6432, "aact", "analyst", "pw"));
        builder.SslMode.ShouldBe(SslMode.VerifyCA);
        builder.ApplicationName.ShouldBe("etl");
    }

    [Fact]
    public void Resolve_DbAndPgVariables_TheSeedsVariableWinsSettingBySetting()
    {
        var builder = ConnectionSources.Resolve(null, Variables(("DBHOST", "seed-host"), ("PGHOST", "pg-host"), ("PGPORT", "6432"), ("DBPASSWORD", "seed-pw"), ("PGPASSWORD", "pg-pw"), ("PGDATABASE", "pgdb")));

        (builder.Host, builder.Port, builder.Database, builder.Password).ShouldBe(("seed-host", 6432, "pgdb", "seed-pw"));
    }

    [Fact]
    public void Resolve_ConnectionStringAndVariables_TheConnectionStringWinsAndVariablesFillTheRest()
    {
        var builder = ConnectionSources.Resolve("Host=cli-host;Port=5999;Username=cli", Variables(("DBHOST", "seed-host"), ("DBPORT", "1111"), ("PGUSER", "pg-user"), ("PGDATABASE", "pgdb")));

        (builder.Host, builder.Port, builder.Username, builder.Database).ShouldBe(("cli-host", 5999, "cli", "pgdb"));
    }

    [Fact]
    public void Resolve_HostWithItsOwnPort_KeepsThatPort()
    {
        var builder = ConnectionSources.Resolve("postgresql://a:6001,b:6002/db", Variables(("PGPORT", "7000")));

        builder.Host.ShouldBe("a:6001,b:6002");
    }

    [Fact]
    public void Resolve_NothingSet_UsesTheDefaultsAndNamesTheLoader()
    {
        var builder = ConnectionSources.Resolve(null, Variables());

        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).ShouldBe(("localhost", 5432, "clinical", Environment.UserName, null));
        builder.SslMode.ShouldBe(SslMode.Prefer);
        builder.ApplicationName.ShouldBe("clinical");
    }

    [Fact]
    public void Resolve_ApplicationName_ConnectionBeatsPgAppNameBeatsDefault()
    {
        ConnectionSources.Resolve("Host=h;Application Name=mine", Variables(("PGAPPNAME", "env"))).ApplicationName.ShouldBe("mine");
        ConnectionSources.Resolve("Host=h", Variables(("PGAPPNAME", "env"))).ApplicationName.ShouldBe("env");
    }

    [Theory]
    [InlineData("PGPORT", "abc", "PGPORT 'abc' is not a port number (1-65535).")]
    [InlineData("PGSSLMODE", "strict", "PGSSLMODE 'strict' is not an SSL mode (disable, allow, prefer, require, verify-ca, verify-full).")]
    public void Resolve_MistypedPgVariable_ThrowsOneLineNamingTheVariable(string name, string value, string message)
    {
        var act = () => ConnectionSources.Resolve(null, Variables((name, value)));

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("postgresql://u:topsecret@h/db?sslmode=sometimes", "the connection URI's sslmode 'sometimes' is not an SSL mode")]
    [InlineData("postgresql://u:topsecret@h:99999/db", "the connection URI's port '99999' is not a port number (1-65535).")]
    [InlineData("postgresql://u:topsecret@h/db?colour=blue", "the connection URI's parameter 'colour' is not supported")]
    [InlineData("postgresql://u:topsecret@[::1/db", "the connection URI cannot be used: an IPv6 host has no closing ']'.")]
    public void Resolve_BadUri_ThrowsOneLineWithoutThePassword(string uri, string start)
    {
        var act = () => ConnectionSources.Resolve(uri, Variables());

        var message = act.ShouldThrow<DatabaseSettingsException>().Message;
        message.ShouldStartWith(start);
        message.ShouldNotContain("topsecret");
    }

    [Theory]
    [InlineData("postgresql://u:top/secret@h/db")]
    [InlineData("postgresql://u:top?secret@h:5432/db")]
    [InlineData("postgresql://u:top/sec?ret@h")]
    public void Resolve_PasswordWithAnUnencodedSlashOrQuestionMark_SaysToPercentEncodeWithoutAnyPieceOfIt(string uri)
    {
        var act = () => ConnectionSources.Resolve(uri, Variables());

        var message = act.ShouldThrow<DatabaseSettingsException>().Message;
        message.ShouldBe("the connection URI cannot be used: an '@' follows a '/' or '?'. Percent-encode '/', '?' and '@' in the user name, password and values (%2F, %3F, %40).");
    }

    [Fact]
    public void Resolve_PgPassFileVariable_WiresThatFile()
    {
        var file = Path.Combine(_home, "elsewhere.pgpass");
        File.WriteAllText(file, "*:*:*:*:pw\n");

        var builder = ConnectionSources.Resolve(null, Variables(("PGPASSFILE", file), ("HOME", _home)));

        builder.Passfile.ShouldBe(file);
    }

    [Fact]
    public void Resolve_PgPassInHome_WiresItAndAPasswordGivenElsewhereWins()
    {
        File.WriteAllText(Path.Combine(_home, ".pgpass"), "*:*:*:*:pw\n");

        var fromHome = ConnectionSources.Resolve(null, Variables(("HOME", _home)));
        var withPassword = ConnectionSources.Resolve(null, Variables(("HOME", _home), ("PGPASSWORD", "given")));

        fromHome.Passfile.ShouldBe(Path.Combine(_home, ".pgpass"));
        withPassword.Passfile.ShouldBeNull();
        withPassword.Password.ShouldBe("given");
    }

    [Fact]
    public void PasswordFile_NoneThere_IsNull()
    {
        ConnectionSources.PasswordFile(Variables(("HOME", _home), ("PGPASSFILE", Path.Combine(_home, "missing")))).ShouldBeNull();
    }
}
