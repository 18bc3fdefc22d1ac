using Clinical.Infrastructure.Persistence.Export;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Export;

public sealed class SqlPredicateTests
{
    [Theory]
    [InlineData("s.overall_status = 'RECRUITING'")]
    [InlineData("s.brief_title ILIKE '%(covid;)%' AND (s.enrollment > 100 OR s.enrollment IS NULL)")]
    [InlineData("EXISTS (SELECT 1 FROM conditions c WHERE c.nct_id = s.nct_id AND c.condition = 'Asthma')")]
    [InlineData("s.\"brief_title\" <> $$it's (open;$$ -- a comment with ; and (\n AND true")]
    [InlineData("s.enrollment > 10 /* ; ( */")]
    public void Problem_OneCondition_IsNull(string sql)
    {
        var problem = SqlPredicate.Problem(sql);

        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("  ", "the predicate is empty.")]
    [InlineData("true; DELETE FROM studies", "a ';' ends the statement: give one condition, as after WHERE.")]
    [InlineData("true) OR (true", "a ')' closes a bracket the predicate did not open.")]
    [InlineData("(s.enrollment > 1", "a '(' is not closed.")]
    [InlineData("s.acronym = 'SPORT", "a string is not closed.")]
    [InlineData("true /* open", "a /* comment is not closed.")]
    [InlineData("s.acronym = $q$x", "a $q$ quoted string is not closed.")]
    public void Problem_NotOneCondition_SaysWhy(string sql, string expected)
    {
        var problem = SqlPredicate.Problem(sql);

        problem.ShouldBe(expected);
    }
}
