using Stretching.Core.Sessions;

namespace Stretching.Core.History;

/// <summary>How long one exercise was held (or worked, when it is not held) in one session.</summary>
public sealed record HoldPoint(string RecordId, DateTimeOffset At, int Seconds);

/// <summary>
/// One exercise across a person's sessions. A session counts once per exercise, whatever its sides
/// and rounds: done when any of its items was done, skipped when every one of them was skipped.
/// </summary>
public sealed record ExerciseHistory(
    string Slug,
    string Name,
    int TimesDone,
    int TimesSkipped,
    int TimesFeltGood,
    int TimesHurt,
    DateTimeOffset? LastDone,
    IReadOnlyList<HoldPoint> Holds);

public static class ExerciseStats
{
    /// <summary>
    /// Every exercise the records played or marked, by slug. A hold is the snapshot's figure when the
    /// exercise was held, otherwise the longest time one of its items was done; the name is the one
    /// it had in its latest session.
    /// </summary>
    public static IReadOnlyList<ExerciseHistory> Of(IEnumerable<SessionRecord> records)
    {
        var ordered = SessionRecords.InOrder(records).ToList();
        var slugs = ordered.SelectMany(r => r.Items.Select(i => i.Slug).Concat(r.Flags.Select(f => f.Slug)))
            .Distinct().Order(StringComparer.Ordinal);
        return slugs.Select(slug => History(slug, ordered)).ToList();
    }

    private static ExerciseHistory History(string slug, IReadOnlyList<SessionRecord> ordered)
    {
        var played = ordered.Select(r => (Record: r, Items: r.Items.Where(i => i.Slug == slug).ToList())).Where(p => p.Items.Count > 0).ToList();
        var done = played.Where(p => p.Items.Any(i => i.Status == ItemStatus.Done)).ToList();
        var flags = ordered.Select(r => r.Flags.Where(f => f.Slug == slug).Select(f => f.Felt).ToList()).ToList();
        var name = ordered.Select(r => PlannedItem(r.Snapshot, slug)?.Name).LastOrDefault(n => n is not null) ?? slug;
        return new ExerciseHistory(
            slug,
            name,
            done.Count,
            played.Count - done.Count,
            flags.Count(f => f.Contains(Felt.Good)),
            flags.Count(f => f.Contains(Felt.Hurt)),
            done.Count == 0 ? null : done[^1].Record.StartedAt,
            done.Select(p => new HoldPoint(
                p.Record.Id,
                p.Record.StartedAt,
                PlannedItem(p.Record.Snapshot, slug)?.HoldSeconds ?? p.Items.Where(i => i.Status == ItemStatus.Done).Max(i => i.Seconds))).ToList());
    }

    /// <summary>The exercise's first item in the played session; a rest in the same pose only when it played nowhere else.</summary>
    internal static SessionItem? PlannedItem(Session snapshot, string slug) =>
        snapshot.Items.Where(i => i.Slug == slug).OrderBy(i => i.Role == ItemRole.Rest).FirstOrDefault();
}
