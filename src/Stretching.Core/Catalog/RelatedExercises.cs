namespace Stretching.Core.Catalog;

public static class RelatedExercises
{
    /// <summary>
    /// Exercises worth doing alongside this one: not its own variations (shown separately), ranked by
    /// shared regions, then the same kind, then the same position, so the suggestion is stable.
    /// </summary>
    public static IReadOnlyList<Exercise> Find(Exercise exercise, IEnumerable<Exercise> catalog, int count)
    {
        var variations = exercise.Variations.ToHashSet();
        return catalog
            .Where(e => e.Slug != exercise.Slug && !variations.Contains(e.Slug))
            .Select(e => (Exercise: e, Shared: e.Regions.Intersect(exercise.Regions).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenByDescending(x => x.Exercise.Kind == exercise.Kind)
            .ThenByDescending(x => x.Exercise.Position == exercise.Position)
            .ThenBy(x => x.Exercise.Slug, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Exercise)
            .ToList();
    }
}
