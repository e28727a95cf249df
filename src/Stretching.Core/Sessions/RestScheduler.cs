using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>The pose a session rests in (child's pose unless it does not suit the person) and why, when it is another.</summary>
public sealed record RestPose(Exercise Exercise, string? Note = null);

/// <summary>
/// Rule S2: in the main block a rest follows every 5-7 minutes of work. A rest goes in before a
/// unit that would take the stretch past 7 minutes, once at least 5 minutes have passed; a unit too
/// long for the remaining time is shortened. Routines keep their figures instead, so their rests may
/// come before 5 minutes but still within 7, and a routine's own child's pose counts as its rest:
/// nothing is inserted right before it. No rest closes the block, since the cool-down follows.
/// </summary>
public static class RestScheduler
{
    public const int MinWorkSeconds = 5 * 60;
    public const int MaxWorkSeconds = 7 * 60;
    public const int RestHoldSeconds = 30;
    public const string Cue = "Breathe slowly and let the whole back sink and soften.";

    public static int RestSeconds => SessionTiming.LeadSeconds + RestHoldSeconds;

    /// <param name="shorten">False for library routines, which keep their articles' figures.</param>
    public static List<SessionItem> Schedule(IEnumerable<SessionUnit> units, RestPose? rest, bool shorten = true)
    {
        var items = new List<SessionItem>();
        foreach (var step in Steps(units, rest is not null, shorten ? null : rest?.Exercise.Slug, shorten))
        {
            if (step.RestAfterSeconds is { } work) items.Add(Rest(rest!, work));
            items.AddRange(step.Unit.Items());
        }
        return items;
    }

    /// <summary>The length <see cref="Schedule"/> gives a builder's main block, without building the items (the builder asks often).</summary>
    public static int Length(IEnumerable<SessionUnit> units) =>
        Steps(units, hasRest: true, ownRestSlug: null, shorten: true).Sum(s => s.Unit.Seconds + (s.RestAfterSeconds is null ? 0 : RestSeconds));

    private static IEnumerable<(SessionUnit Unit, int? RestAfterSeconds)> Steps(IEnumerable<SessionUnit> units, bool hasRest, string? ownRestSlug, bool shorten)
    {
        if (!hasRest)
        {
            foreach (var unit in units) yield return (unit, null);
            yield break;
        }
        var work = 0;
        foreach (var original in units)
        {
            if (original.Exercise.Slug == ownRestSlug)
            {
                yield return (original, null);
                work = 0;
                continue;
            }
            int? restAfter = null;
            if (work > 0 && work + original.Seconds > MaxWorkSeconds && (work >= MinWorkSeconds || !shorten))
            {
                restAfter = work;
                work = 0;
            }
            var unit = shorten && work + original.Seconds > MaxWorkSeconds ? original.ShrinkTo(MaxWorkSeconds - work) : original;
            work += unit.Seconds;
            yield return (unit, restAfter);
        }
    }

    private static SessionItem Rest(RestPose rest, int workSeconds) => new(
        rest.Exercise.Slug, rest.Exercise.Name, ItemRole.Rest, 0, RestSeconds, null, RestHoldSeconds, null, Cue,
        $"A rest after {FormatMinutes(workSeconds)} of work lets the back relax.{(rest.Note is null ? "" : " " + rest.Note)}");

    private static string FormatMinutes(int seconds)
    {
        var minutes = seconds / 60;
        var rest = seconds % 60;
        return rest == 0 ? $"{minutes} min" : $"{minutes} min {rest} s";
    }
}
