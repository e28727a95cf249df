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
        // Each record is read once, into its items, marks and planned items by exercise, and each exercise
        // then looks only at the records that played, marked or planned it: a long period costs its items,
        // not its records times the exercises.
        var ordered = SessionRecords.InOrder(records).Select(r => new ReadRecord(
            r, r.Items.ToLookup(i => i.Slug), r.Flags.ToLookup(f => f.Slug, f => f.Felt), PlannedItems(r.Snapshot))).ToList();
        var slugs = new SortedSet<string>(ordered.SelectMany(r => r.Record.Items.Select(i => i.Slug).Concat(r.Record.Flags.Select(f => f.Slug))), StringComparer.Ordinal);
        var bySlug = new Dictionary<string, List<ReadRecord>>();
        foreach (var read in ordered)
        {
            foreach (var slug in read.Items.Select(g => g.Key).Concat(read.Felt.Select(g => g.Key)).Concat(read.Planned.Keys).Distinct())
            {
                if (!slugs.Contains(slug)) continue;
                if (!bySlug.TryGetValue(slug, out var list)) bySlug[slug] = list = [];
                list.Add(read);
            }
        }
        return slugs.Select(slug => History(slug, bySlug[slug])).ToList();
    }

    private sealed record ReadRecord(SessionRecord Record, ILookup<string, RecordItem> Items, ILookup<string, Felt> Felt, IReadOnlyDictionary<string, SessionItem> Planned);

    private static ExerciseHistory History(string slug, IReadOnlyList<ReadRecord> ordered)
    {
        var played = ordered.Select(r => (Read: r, Items: r.Items[slug].ToList())).Where(p => p.Items.Count > 0).ToList();
        var done = played.Where(p => p.Items.Any(i => i.Status == ItemStatus.Done)).ToList();
        var flags = ordered.Select(r => r.Felt[slug].ToList()).ToList();
        var name = ordered.Select(r => r.Planned.GetValueOrDefault(slug)?.Name).LastOrDefault(n => n is not null) ?? slug;
        return new ExerciseHistory(
            slug,
            name,
            done.Count,
            played.Count - done.Count,
            flags.Count(f => f.Contains(Felt.Good)),
            flags.Count(f => f.Contains(Felt.Hurt)),
            done.Count == 0 ? null : done[^1].Read.Record.StartedAt,
            done.Select(p => new HoldPoint(
                p.Read.Record.Id,
                p.Read.Record.StartedAt,
                p.Read.Planned.GetValueOrDefault(slug)?.HoldSeconds ?? p.Items.Where(i => i.Status == ItemStatus.Done).Max(i => i.Seconds))).ToList());
    }

    /// <summary><see cref="PlannedItem"/> for every exercise of the session at once.</summary>
    private static Dictionary<string, SessionItem> PlannedItems(Session snapshot)
    {
        var planned = new Dictionary<string, SessionItem>();
        foreach (var item in snapshot.Items)
        {
            if (!planned.TryGetValue(item.Slug, out var first) || (first.Role == ItemRole.Rest && item.Role != ItemRole.Rest)) planned[item.Slug] = item;
        }
        return planned;
    }

    /// <summary>The exercise's first item in the played session; a rest in the same pose only when it played nowhere else.</summary>
    internal static SessionItem? PlannedItem(Session snapshot, string slug) =>
        snapshot.Items.Where(i => i.Slug == slug).OrderBy(i => i.Role == ItemRole.Rest).FirstOrDefault();
}
