namespace Stretching.Core.Sessions;

/// <summary>Lays planned items on one clock: each starts where the previous one ended.</summary>
public static class Timeline
{
    public static Session Assemble(
        int minutes,
        int? seed,
        IEnumerable<(BlockKind Kind, List<SessionItem> Items)> blocks,
        IReadOnlyList<ExcludedExercise> excluded,
        IReadOnlyList<string> warnings)
    {
        var clock = 0;
        var laidOut = new List<SessionBlock>();
        foreach (var (kind, items) in blocks)
        {
            var timed = new List<SessionItem>(items.Count);
            foreach (var item in items)
            {
                timed.Add(item with { StartSeconds = clock });
                clock += item.Seconds;
            }
            laidOut.Add(new SessionBlock(kind, timed));
        }
        return new Session(minutes, clock, seed, laidOut, excluded, warnings);
    }
}
