using Clinical.Domain.Common;
using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Maps a validated study: Mapperly turns the wire record into the <see cref="Study"/> aggregate, whose value objects read
/// each value once and whose constructor checks the invariants. A broken hard invariant (no valid NCT number) rejects the
/// study; broken soft invariants, the fields salvaged while parsing and the values their value objects could not read
/// (<see cref="StudyValueFindings"/>) become the study's findings. The mapped study goes on as an <see cref="EncodeStudy"/>.
/// </summary>
public sealed class ProcessStudyHandler(StudyValueFindings valueFindings, ISender sender) : IRequestHandler<ProcessStudy, ProcessedStudy>
{
    private readonly StudyValueFindings _valueFindings = valueFindings;
    private readonly ISender _sender = sender;

    public ValueTask<ProcessedStudy> Handle(ProcessStudy message, CancellationToken cancellationToken)
    {
        Study study;
        try
        {
            study = StudyMapper.ToStudy(message.Record);
        }
        catch (Exception ex) when (ex is DomainException or ArgumentException)
        {
            return ValueTask.FromResult(message.Reject(ex.Message, null));
        }

        if (message.Salvaged is { } salvaged)
        {
            study.AddFindings(salvaged);
        }

        if (_valueFindings.Collect(study) is { } values)
        {
            // A salvaged list element stands in as "" or {}; what the value rules say of the stand-in is no news.
            study.AddFindings(message.Salvaged is null ? values : values.Where(f => !message.Salvaged.Any(s => s.JsonPath == f.JsonPath)));
        }

        return _sender.Send(new EncodeStudy(message, study), cancellationToken);
    }
}
