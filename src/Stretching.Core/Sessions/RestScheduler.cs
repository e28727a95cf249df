using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// Rule S2: in the main block a child's-pose rest follows every 5-7 minutes of work. A rest goes
/// in before a unit that would take the stretch past 7 minutes, once at least 5 minutes have
/// passed; a unit too long for the remaining time is shortened. No rest closes the block,
/// since the cool-down follows.
/// </summary>
public static class RestScheduler
{
    public const int MinWorkSeconds = 5 * 60;
    public const int MaxWorkSeconds = 7 * 60;
    public const int RestHoldSeconds = 30;
    public const string Cue = "Breathe slowly and let the whole back sink and soften.";

    public static int RestSeconds => SessionTiming.LeadSeconds + RestHoldSeconds;

    /// <param name="shorten">False for library routines, which keep their articles' figures.</param>
    public static List<SessionItem> Schedule(IEnumerable<SessionUnit> units, Exercise childsPose, bool shorten = true)
    {
        var items = new List<SessionItem>();
        var work = 0;
        foreach (var original in units)
        {
            var unit = original;
            if (work + unit.Seconds > MaxWorkSeconds && work >= MinWorkSeconds)
            {
                items.Add(Rest(childsPose, work));
                work = 0;
            }
            if (shorten && work + unit.Seconds > MaxWorkSeconds)
            {
                unit = unit.ShrinkTo(MaxWorkSeconds - work);
            }
            items.AddRange(unit.Items());
            work += unit.Seconds;
        }
        return items;
    }

    /// <summary>The length <see cref="Schedule"/> would give, without building the items (the builder asks often).</summary>
    public static int Length(List<SessionUnit> units)
    {
        int total = 0, work = 0;
        foreach (var unit in units)
        {
            var seconds = unit.Seconds;
            if (work + seconds > MaxWorkSeconds && work >= MinWorkSeconds)
            {
                total += RestSeconds;
                work = 0;
            }
            if (work + seconds > MaxWorkSeconds)
            {
                seconds = unit.ShrinkTo(MaxWorkSeconds - work).Seconds;
            }
            total += seconds;
            work += seconds;
        }
        return total;
    }

    private static SessionItem Rest(Exercise childsPose, int workSeconds) => new(
        childsPose.Slug, childsPose.Name, ItemRole.Rest, 0, RestSeconds, null, RestHoldSeconds, null, Cue,
        $"A child's-pose rest after {FormatMinutes(workSeconds)} of work relaxes the back (S2).");

    private static string FormatMinutes(int seconds)
    {
        var minutes = seconds / 60;
        var rest = seconds % 60;
        return rest == 0 ? $"{minutes} min" : $"{minutes} min {rest} s";
    }
}
