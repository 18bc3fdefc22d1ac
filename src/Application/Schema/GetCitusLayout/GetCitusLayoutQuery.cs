using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Schema.GetCitusLayout;

/// <summary>The Citus statements that would distribute the store by study (<c>clinical schema --citus</c>), as an SQL script.</summary>
public sealed record GetCitusLayoutQuery : IQuery<string>, IUseCase;
