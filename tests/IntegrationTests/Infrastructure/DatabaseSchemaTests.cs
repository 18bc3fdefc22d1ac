using Clinical.Infrastructure;

namespace Clinical.IntegrationTests.Infrastructure;

public sealed class DatabaseSchemaTests
{
    private const string Hostile = "x\"; drop table y; --";

    [Fact]
    public void Parse_HostileName_IsRefusedWithOneLineSayingWhatIsAccepted()
    {
        var act = () => DatabaseSchema.Parse(Hostile, "--schema");

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldBe(
            "--schema 'x\"; drop table y; --' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. registry).");
    }

    [Theory]
    [InlineData("", "--schema is empty: name a schema, e.g. registry.")]
    [InlineData("Registry", "--schema 'Registry' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. registry).")]
    [InlineData("1trials", "--schema '1trials' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. registry).")]
    [InlineData("my schema", "--schema 'my schema' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. registry).")]
    [InlineData("pg_trials", "--schema 'pg_trials': names starting with pg_ are reserved by PostgreSQL.")]
    [InlineData("ctgov", "--schema 'ctgov' is the AACT-compatible layer's schema: choose another name for the native tables (default registry).")]
    public void Parse_UnusableName_IsRefusedWithItsReason(string name, string message)
    {
        var act = () => DatabaseSchema.Parse(name, "--schema");

        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldBe(message);
    }

    [Fact]
    public void Parse_LongestNamePostgresKeeps_IsAcceptedAndOneByteMoreIsRefused()
    {
        var longest = new string('a', 63);

        var accepted = DatabaseSchema.Parse(longest, DatabaseSchema.Variable);
        var act = () => DatabaseSchema.Parse(longest + "a", DatabaseSchema.Variable);

        accepted.Name.ShouldBe(longest);
        act.ShouldThrow<DatabaseSettingsException>().Message.ShouldBe("CLINICAL_SCHEMA is longer than PostgreSQL's 63 bytes for a name.");
    }

    [Fact]
    public void Parse_ReservedWord_IsAcceptedAndAlwaysWrittenQuoted()
    {
        var schema = DatabaseSchema.Parse("user", "--schema");

        schema.Identifier.ShouldBe("\"user\"");
        schema.Qualified("import_runs").ShouldBe("\"user\".import_runs");
        schema.Literal.ShouldBe("'user'");
    }

    [Fact]
    public void QuoteIdentifier_HostileText_DoublesTheInnerQuoteSoItStaysOneName()
    {
        DatabaseSchema.QuoteIdentifier(Hostile).ShouldBe("\"x\"\"; drop table y; --\"");
    }
}
