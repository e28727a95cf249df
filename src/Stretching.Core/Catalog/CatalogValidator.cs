using System.Text.RegularExpressions;
using Stretching.Core.Safety;

namespace Stretching.Core.Catalog;

/// <summary>
/// Checks what the JSON types cannot: required text, unique slugs and aliases, links that resolve,
/// ordered ranges and known sources. Returns every problem so a data author sees them all at once.
/// </summary>
public static partial class CatalogValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static IReadOnlyList<string> Validate(IReadOnlyList<Exercise> exercises)
    {
        var problems = new List<string>();
        var slugs = exercises.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);

        foreach (var duplicate in exercises.GroupBy(e => e.Slug).Where(g => g.Count() > 1))
        {
            problems.Add($"slug '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        var nameOwners = new Dictionary<string, string>();
        foreach (var exercise in exercises)
        {
            foreach (var name in exercise.Aliases.Prepend(exercise.Name))
            {
                var key = SearchText.Normalize(name);
                if (nameOwners.TryGetValue(key, out var owner) && owner != exercise.Slug)
                {
                    problems.Add($"{exercise.Slug}: name or alias '{name}' is also used by '{owner}'");
                }
                else if (nameOwners.ContainsKey(key))
                {
                    problems.Add($"{exercise.Slug}: name or alias '{name}' is repeated");
                }
                nameOwners[key] = exercise.Slug;
            }
        }

        foreach (var exercise in exercises)
        {
            problems.AddRange(ValidateOne(exercise, slugs).Select(p => $"{exercise.Slug}: {p}"));
        }
        return problems;
    }

    private static IEnumerable<string> ValidateOne(Exercise e, IReadOnlySet<string> slugs)
    {
        if (!SlugPattern().IsMatch(e.Slug)) yield return "slug must be lower-case words joined by '-'";
        if (string.IsNullOrWhiteSpace(e.Name)) yield return "name is empty";
        if (string.IsNullOrWhiteSpace(e.Summary)) yield return "summary is empty";
        if (e.Steps.Count == 0 || e.Steps.Any(string.IsNullOrWhiteSpace)) yield return "steps are missing or empty";
        if (e.Benefits.Any(string.IsNullOrWhiteSpace)) yield return "a benefit is empty";
        if (e.Aliases.Any(string.IsNullOrWhiteSpace)) yield return "an alias is empty";
        if (e.Regions.Count == 0) yield return "no region";
        if (e.Sources.Count == 0) yield return "no source";
        if (e.Patterns.Count == 0) yield return "no load pattern";
        foreach (var pattern in ImpliedPatterns(e.Position).Where(p => !e.Patterns.Contains(p)))
        {
            yield return $"starts {Vocabulary.Label(e.Position).ToLowerInvariant()} but lacks the pattern '{Vocabulary.Id(pattern)}'";
        }
        foreach (var problem in ExerciseSafety.Problems(e)) yield return problem;
        if (e.Precautions.Any(string.IsNullOrWhiteSpace)) yield return "a precaution is empty";
        foreach (var problem in PhaseCueProblems(e)) yield return problem;
        foreach (var (field, text) in PeopleText(e))
        {
            if (UserText.FindInternalReference(text) is { } reference) yield return $"{field} shows the internal reference '{reference}'";
        }

        foreach (var problem in RangeProblems(e)) yield return problem;
        foreach (var problem in DuplicateProblems(e)) yield return problem;

        foreach (var source in e.Sources)
        {
            if (Articles.Find(source.Article) is null) yield return $"unknown article '{source.Article}'";
            if (string.IsNullOrWhiteSpace(source.Section)) yield return $"source '{source.Article}' has no section";
        }
        foreach (var variation in e.Variations)
        {
            if (variation == e.Slug) yield return "lists itself as a variation";
            else if (!slugs.Contains(variation)) yield return $"variation '{variation}' does not exist";
        }
        foreach (var both in e.Contraindications.Intersect(e.Cautions))
        {
            yield return $"'{Vocabulary.Id(both)}' is both a contraindication and a caution";
        }
        // Traction devices are dosed by a doctor (H8), so only they may come without figures.
        if (e.Kind != ExerciseKind.Traction && e.Hold is null && e.Reps is null && e.Breaths is null && e.Duration is null)
        {
            yield return "no dosage: give a hold, reps, breaths or a duration";
        }
    }

    /// <summary>The player shows one cue per phase the dose plays, so each of those phases needs one, short enough for large type.</summary>
    private static IEnumerable<string> PhaseCueProblems(Exercise e)
    {
        var cues = e.PhaseCues;
        var needed = new (string Phase, string? Cue, bool Required)[]
        {
            ("ready", cues.Ready, true),
            ("hold", cues.Hold, e.Hold is not null || e.Breaths is not null),
            ("release", cues.Release, e.Hold is not null && e.Reps is not null),
            ("move", cues.Move, (e.Reps is not null && e.Hold is null) || e.Duration is not null),
        };
        foreach (var (phase, cue, required) in needed)
        {
            if (required && string.IsNullOrWhiteSpace(cue)) yield return $"phaseCues.{phase} is missing";
            if (cue?.Length > PhaseCues.MaxLength) yield return $"phaseCues.{phase} is longer than {PhaseCues.MaxLength} characters";
        }
    }

    private static IEnumerable<(string Field, string? Text)> PeopleText(Exercise e) =>
        new (string, string?)[] { ("name", e.Name), ("summary", e.Summary), ("breathing", e.Breathing), ("easier", e.Easier), ("harder", e.Harder) }
            .Concat(e.Aliases.Select(t => ("aliases", (string?)t)))
            .Concat(e.Steps.Select(t => ("steps", (string?)t)))
            .Concat(e.Benefits.Select(t => ("benefits", (string?)t)))
            .Concat(e.Precautions.Select(t => ("precautions", (string?)t)))
            .Concat(new[] { e.PhaseCues.Ready, e.PhaseCues.Hold, e.PhaseCues.Release, e.PhaseCues.Move }.Select(t => ("phaseCues", t)))
            .Concat(e.Sources.Select(s => ("sources", (string?)s.Section)));

    /// <summary>What a starting position does to the body whatever the exercise, so its pattern cannot be forgotten.</summary>
    private static IEnumerable<LoadPattern> ImpliedPatterns(Position position) => position switch
    {
        Position.Prone => [LoadPattern.LyingProne],
        Position.Supine => [LoadPattern.LyingSupine],
        Position.Kneeling => [LoadPattern.Kneeling],
        Position.AllFours => [LoadPattern.Kneeling, LoadPattern.WristLoad],
        Position.Hanging => [LoadPattern.AxialTraction, LoadPattern.ShoulderLoad],
        _ => [],
    };

    private static IEnumerable<string> RangeProblems(Exercise e)
    {
        var ranges = new (string Name, int Min, int Max)?[]
        {
            e.Hold is { } h ? ("hold", h.MinSeconds, h.MaxSeconds) : null,
            e.Duration is { } d ? ("duration", d.MinSeconds, d.MaxSeconds) : null,
            e.Reps is { } r ? ("reps", r.Min, r.Max) : null,
            e.Breaths is { } b ? ("breaths", b.Min, b.Max) : null,
            e.Sets is { } s ? ("sets", s.Min, s.Max) : null,
        };
        foreach (var range in ranges.OfType<(string Name, int Min, int Max)>())
        {
            if (range.Min <= 0) yield return $"{range.Name} must be positive";
            if (range.Min > range.Max) yield return $"{range.Name} minimum {range.Min} exceeds maximum {range.Max}";
        }
        if (e.Hold is { AtLeast: true }) yield return "hold cannot be open-ended (atLeast): sessions cap holds by level, so only a duration may be";
        if (e.Duration is { AtLeast: true } open && open.MinSeconds != open.MaxSeconds)
        {
            yield return "an open-ended duration (atLeast) gives only its minimum: minSeconds must equal maxSeconds";
        }
    }

    private static IEnumerable<string> DuplicateProblems(Exercise e)
    {
        static IEnumerable<string> Repeated<T>(string field, IEnumerable<T> values) =>
            values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{field} repeats '{g.Key}'");

        return Repeated("regions", e.Regions)
            .Concat(Repeated("equipment", e.Equipment))
            .Concat(Repeated("contraindications", e.Contraindications))
            .Concat(Repeated("cautions", e.Cautions))
            .Concat(Repeated("variations", e.Variations))
            .Concat(Repeated("patterns", e.Patterns));
    }
}
