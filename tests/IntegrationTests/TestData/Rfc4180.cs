using System.Text;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// A strict RFC 4180 reader for the tests: records of fields, quoted fields may hold commas, quotes (doubled) and line
/// breaks. An unquoted empty field is null and a quoted one the empty string, as PostgreSQL's CSV tells NULL from ''.
/// </summary>
internal static class Rfc4180
{
    public static List<string?[]> Parse(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                    i++;
                    continue;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    field.Append('\0'); // marks "was quoted", removed below
                    break;
                case ',':
                    fields.Add(Take(field));
                    break;
                case '\n':
                    fields.Add(Take(field));
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(Take(field));
            records.Add([.. fields]);
        }

        return records;
    }

    private static string? Take(StringBuilder field)
    {
        var value = field.Length == 0 ? null : field.ToString();
        field.Clear();
        return value is null ? null : value.Length > 0 && value[0] == '\0' ? value[1..] : value;
    }
}
