using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Schema.GetDataDictionary;

/// <summary>The data dictionary as Markdown: every table and column with its type, JSON path and description.</summary>
public sealed record GetDataDictionaryQuery : IQuery<string>, IUseCase;
