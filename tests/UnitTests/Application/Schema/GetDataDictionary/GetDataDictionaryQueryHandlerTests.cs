using Clinical.Application.Schema.GetDataDictionary;

namespace Clinical.UnitTests.Application.Schema.GetDataDictionary;

public sealed class GetDataDictionaryQueryHandlerTests
{
    [Fact]
    public async Task Handle_Query_ReturnsTheDictionarysMarkdown()
    {
        var dictionary = Substitute.For<IDataDictionary>();
        dictionary.Markdown().Returns("# Data dictionary: schema `registry`\n");
        var handler = new GetDataDictionaryQueryHandler(dictionary);

        var markdown = await handler.Handle(new GetDataDictionaryQuery(), TestContext.Current.CancellationToken);

        markdown.ShouldBe("# Data dictionary: schema `registry`\n");
    }
}
