using System.Globalization;
using System.Text;
using Stretching.Core.History;
using Stretching.Core.Planning;

namespace Stretching.Web.History;

/// <summary>The history as CSV (RFC 4180), one line a session in the person's own time, for a spreadsheet.</summary>
public static class HistoryCsv
{
    private static readonly string[] Header =
        ["id", "date", "start", "finish", "time zone", "session", "minutes", "items done", "items skipped", "pain before", "pain after", "ease", "felt good", "hurt", "note"];

    public static string Write(IEnumerable<SessionRecord> records)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var record in records)
        {
            var zone = Zones.Find(record.TimeZone);
            var start = TimeZoneInfo.ConvertTime(record.StartedAt, zone);
            var finish = TimeZoneInfo.ConvertTime(record.FinishedAt, zone);
            Line(csv,
            [
                record.Id,
                start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                start.ToString("HH:mm", CultureInfo.InvariantCulture),
                finish.ToString("HH:mm", CultureInfo.InvariantCulture),
                record.TimeZone,
                record.Title,
                ((int)Math.Round((record.FinishedAt - record.StartedAt).TotalMinutes)).ToString(CultureInfo.InvariantCulture),
                record.Items.Count(i => i.Status == ItemStatus.Done).ToString(CultureInfo.InvariantCulture),
                record.Items.Count(i => i.Status == ItemStatus.Skipped).ToString(CultureInfo.InvariantCulture),
                record.PainBefore?.ToString(CultureInfo.InvariantCulture) ?? "",
                record.PainAfter?.ToString(CultureInfo.InvariantCulture) ?? "",
                record.Ease?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join(" ", record.Flags.Where(f => f.Felt == Felt.Good).Select(f => f.Slug)),
                string.Join(" ", record.Flags.Where(f => f.Felt == Felt.Hurt).Select(f => f.Slug)),
                record.Note ?? "",
            ]);
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    /// <summary>Quoted when it must be; a leading =, +, - or @ is defused so a spreadsheet never runs a note as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
