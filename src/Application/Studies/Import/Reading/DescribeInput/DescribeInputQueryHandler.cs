using Mediator;

namespace Clinical.Application.Studies.Import.DescribeInput;

public sealed class DescribeInputQueryHandler(IStudySource source) : IQueryHandler<DescribeInputQuery, StudySourceInfo>
{
    private readonly IStudySource _source = source;

    public ValueTask<StudySourceInfo> Handle(DescribeInputQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_source.Describe(query.Path));
}
