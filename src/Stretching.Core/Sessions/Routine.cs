using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>One of the articles' own complexes, with the articles' figures (data/routines).</summary>
public sealed record Routine
{
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary>Other names, such as the article's own name for a complex when the app names it by its purpose.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required string Summary { get; init; }
    public required Level Level { get; init; }
    public required IReadOnlyList<DayType> Days { get; init; }
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    public required IReadOnlyList<RoutineBlock> Blocks { get; init; }
}

public sealed record RoutineBlock(BlockKind Kind, IReadOnlyList<RoutineItem> Items);

/// <param name="AsLongAsYouCan">The article asks for maximum time; the figures are where to start.</param>
public sealed record RoutineItem(string Exercise, int? Seconds, int? Reps, int? HoldSeconds, int? Sets, string? Note, bool AsLongAsYouCan = false)
{
    public Dose Dose => new(Seconds, Reps, HoldSeconds, AsLongAsYouCan);
}

public static class RoutineValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<Routine> routines, IReadOnlyList<Exercise> catalog)
    {
        var slugs = catalog.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        var problems = routines.GroupBy(r => r.Slug).Where(g => g.Count() > 1)
            .Select(g => $"routine slug '{g.Key}' is used {g.Count()} times").ToList();
        foreach (var routine in routines)
        {
            problems.AddRange(ValidateOne(routine, slugs).Select(p => $"{routine.Slug}: {p}"));
        }
        return problems;
    }

    private static IEnumerable<string> ValidateOne(Routine routine, IReadOnlySet<string> slugs)
    {
        if (string.IsNullOrWhiteSpace(routine.Name)) yield return "name is empty";
        if (string.IsNullOrWhiteSpace(routine.Summary)) yield return "summary is empty";
        foreach (var text in routine.Aliases.Prepend(routine.Name).Append(routine.Summary)
                     .Concat(routine.Sources.Select(s => s.Section))
                     .Concat(routine.Blocks.SelectMany(b => b.Items).Select(i => i.Note)))
        {
            if (UserText.FindInternalReference(text) is { } reference) yield return $"shows the internal reference '{reference}'";
        }
        if (routine.Days.Count == 0) yield return "no day type";
        if (routine.Sources.Count == 0) yield return "no source";
        foreach (var source in routine.Sources.Where(s => Articles.Find(s.Article) is null))
        {
            yield return $"unknown article '{source.Article}'";
        }
        if (routine.Blocks.All(b => b.Kind != BlockKind.Main)) yield return "no main block";
        foreach (var kind in routine.Blocks.GroupBy(b => b.Kind).Where(g => g.Count() > 1))
        {
            yield return $"block '{Vocabulary.Id(kind.Key)}' appears {kind.Count()} times";
        }
        if (!routine.Blocks.Select(b => b.Kind).SequenceEqual(routine.Blocks.Select(b => b.Kind).Order()))
        {
            yield return "blocks are not in the order warm-up, main, cool-down";
        }
        foreach (var block in routine.Blocks)
        {
            if (block.Items.Count == 0) yield return $"block '{Vocabulary.Id(block.Kind)}' is empty";
            foreach (var item in block.Items)
            {
                if (!slugs.Contains(item.Exercise)) yield return $"exercise '{item.Exercise}' is not in the catalog";
                if (item.Seconds is null && item.Reps is null && item.HoldSeconds is null) yield return $"'{item.Exercise}' has no dose";
                if (item.Seconds is not null && (item.Reps is not null || item.HoldSeconds is not null))
                {
                    yield return $"'{item.Exercise}' mixes seconds with reps or a hold";
                }
                if (new[] { item.Seconds, item.Reps, item.HoldSeconds, item.Sets }.Any(v => v <= 0)) yield return $"'{item.Exercise}' has a figure that is not positive";
            }
        }
    }
}

/// <summary>
/// Turns a routine into a playable session: its own figures, sides and sets, with S2's
/// child's-pose rests placed in the main block within every 7 minutes of work.
/// </summary>
public static class RoutineTimeline
{
    public static Session Build(Routine routine, IReadOnlyList<Exercise> catalog)
    {
        var bySlug = catalog.ToDictionary(e => e.Slug);
        var rest = new RestPose(bySlug[SessionBuilder.ChildsPoseSlug]);
        var blocks = routine.Blocks.Select(block =>
        {
            var units = block.Items.Select(item => new SessionUnit(
                bySlug[item.Exercise], item.Dose, item.Note ?? $"Part of {routine.Name}.", item.Sets ?? 1));
            var items = block.Kind == BlockKind.Main
                ? RestScheduler.Schedule(units, rest, shorten: false)
                : units.SelectMany(u => u.Items()).ToList();
            return (block.Kind, items);
        }).ToList();

        var total = blocks.Sum(b => b.items.Sum(i => i.Seconds));
        return Timeline.Assemble((int)Math.Round(total / 60.0), null, blocks, [], []);
    }
}
