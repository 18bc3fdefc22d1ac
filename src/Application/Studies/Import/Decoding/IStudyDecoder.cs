namespace Clinical.Application.Studies.Import;

/// <summary>
/// Reads one study's text once and gives everything the later steps need from it (<see cref="DecodedStudy"/>): the wire
/// record, the values it could not hold (salvaged), the paths the schema lacks, the JSON shape no column holds, and whether
/// the text held U+0000. The record's texts never hold U+0000: it is dropped from them (text cannot store it). No later step
/// reads the text again. A study of the wrong shape yields a located error, not an exception.
/// </summary>
public interface IStudyDecoder
{
    DecodedStudy Decode(ReadOnlySpan<byte> utf8);
}
