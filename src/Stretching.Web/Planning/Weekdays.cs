using System.Globalization;
using Stretching.Core.Planning;

namespace Stretching.Web.Planning;

/// <summary>Weekdays as the API spells them (monday ... sunday), in the order a week is shown: Monday first.</summary>
public static class Weekdays
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Id(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static string Label(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    public static bool TryParse(string? id, out DayOfWeek day)
    {
        foreach (var candidate in Week)
        {
            if (string.Equals(Id(candidate), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }
        day = default;
        return false;
    }
}

/// <summary>IANA time-zone names, as plans and profiles take them.</summary>
public static class TimeZones
{
    public static bool IsKnown(string id) =>
        id == "UTC" || id.Contains('/', StringComparison.Ordinal) && Zones.TryFind(id, out _);

    /// <summary>The names a person can choose from, sorted: every region/city zone, and UTC.</summary>
    public static readonly IReadOnlyList<string> All = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal)).Append("UTC").Order(StringComparer.Ordinal).ToList();
}
