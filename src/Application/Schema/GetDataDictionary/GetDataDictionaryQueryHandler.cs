using Mediator;

namespace Clinical.Application.Schema.GetDataDictionary;

public sealed class GetDataDictionaryQueryHandler(IDataDictionary dictionary) : IQueryHandler<GetDataDictionaryQuery, string>
{
    private readonly IDataDictionary _dictionary = dictionary;

    public ValueTask<string> Handle(GetDataDictionaryQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_dictionary.Markdown());
}
