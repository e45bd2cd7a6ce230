using System.Text;

namespace CaseManager.Web.Export;

/// <summary>
/// Comma-separated values as RFC 4180 describes them: CRLF line ends, and a field that holds a comma, a double quote
/// or a line break is enclosed in double quotes with its quotes doubled. A field that a spreadsheet would run as a
/// formula (it starts with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, as OWASP advises for
/// CSV files that people open in a spreadsheet: audit details quote what users typed.
/// </summary>
public static class Csv
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>The text as UTF-8 with a byte order mark, so that spreadsheets do not guess another encoding.</summary>
    public static byte[] ToBytes(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>One row written straight to a response, for exports streamed rather than built in memory.</summary>
    public static Task WriteRowAsync(TextWriter writer, IEnumerable<string?> fields) =>
        writer.WriteAsync(string.Join(',', fields.Select(Field)) + "\r\n");

    private static void AppendRow(StringBuilder text, IEnumerable<string?> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }
}
