namespace Clinical.Application.Studies.Import;

/// <summary>Turns one raw study into its wire-format record; a study of the wrong shape yields a located error, not an exception.</summary>
public interface IStudyRecordParser
{
    StudyParseResult Parse(ReadOnlySpan<byte> utf8);
}
