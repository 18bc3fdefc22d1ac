using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// A mapped study to encode as rows: made by <see cref="ProcessStudyHandler"/> from the <see cref="ProcessStudy"/> it
/// mapped, so its <see cref="Study"/> exists by construction. Handled by <see cref="EncodeStudyHandler"/>.
/// </summary>
/// <param name="Source">The study as read (run, raw bytes and their hash, for the stored row and for a reject).</param>
/// <param name="Study">The aggregate with all its findings.</param>
public sealed record EncodeStudy(ProcessStudy Source, Study Study) : IRequest<ProcessedStudy>;
