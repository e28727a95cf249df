using Stretching.Core.Catalog;

namespace Stretching.Core.Safety;

/// <summary>
/// Why one exercise is ruled out, or needs care, with one condition, in words for people, and the
/// ways of loading the body behind it (empty for an exercise's own device rule).
/// </summary>
public sealed record SafetyNote(Condition Condition, RuleEffect Effect, string Reason, IReadOnlyList<LoadPattern> Because);

/// <summary>
/// Applies the rules table to one exercise: what its load patterns rule out or need care with, and
/// whether its stored lists keep to that. Stored lists may add exercise-specific rules (the devices
/// of H6-H8) but never drop or soften what the table derives.
/// </summary>
public static class ExerciseSafety
{
    public static IReadOnlySet<Condition> DerivedContraindications(IReadOnlyCollection<LoadPattern> patterns) =>
        SafetyRules.Patterns.Where(r => r.Effect == RuleEffect.RulesOut && r.Patterns.Any(patterns.Contains))
            .Select(r => r.Condition).ToHashSet();

    /// <summary>Conditions that need care with these patterns and are not already ruled out by them.</summary>
    public static IReadOnlySet<Condition> DerivedCautions(IReadOnlyCollection<LoadPattern> patterns)
    {
        var ruledOut = DerivedContraindications(patterns);
        return SafetyRules.Patterns.Where(r => r.Effect == RuleEffect.NeedsCare && r.Patterns.Any(patterns.Contains))
            .Select(r => r.Condition).Where(c => !ruledOut.Contains(c)).ToHashSet();
    }

    /// <summary>What this exercise means for a person with the condition; null when nothing.</summary>
    public static SafetyNote? Assess(Exercise exercise, Condition condition)
    {
        var matches = SafetyRules.Matching(exercise.Patterns, condition).ToList();
        var label = ConditionPhrase(condition);

        var ruledOutBy = matches.Where(m => m.Rule.Effect == RuleEffect.RulesOut).SelectMany(m => m.Matched).Distinct().ToList();
        if (ruledOutBy.Count > 0) return new(condition, RuleEffect.RulesOut, $"Not advised with {label}: {PatternPhrase(ruledOutBy)}.", ruledOutBy);
        if (exercise.Contraindications.Contains(condition)) return new(condition, RuleEffect.RulesOut, $"Not advised with {label}, by the source article's rule for this exercise.", []);

        var careWith = matches.Where(m => m.Rule.Effect == RuleEffect.NeedsCare).SelectMany(m => m.Matched).Distinct().ToList();
        if (careWith.Count > 0) return new(condition, RuleEffect.NeedsCare, $"Needs care with {label}: {PatternPhrase(careWith)}.", careWith);
        if (exercise.Cautions.Contains(condition)) return new(condition, RuleEffect.NeedsCare, $"Needs care with {label}.", []);
        return null;
    }

    public static IReadOnlyList<SafetyNote> Assess(Exercise exercise, IEnumerable<Condition> conditions) =>
        conditions.Select(c => Assess(exercise, c)).OfType<SafetyNote>().ToList();

    /// <summary>Where the stored lists drop or soften what the rules derive from the patterns.</summary>
    public static IEnumerable<string> Problems(Exercise exercise)
    {
        foreach (var condition in DerivedContraindications(exercise.Patterns).Where(c => !exercise.Contraindications.Contains(c)).Order())
        {
            yield return exercise.Cautions.Contains(condition)
                ? $"lists '{Vocabulary.Id(condition)}' as a caution, but its patterns rule it out: move it to contraindications"
                : $"contraindications lack '{Vocabulary.Id(condition)}', which its patterns rule out";
        }
        foreach (var condition in DerivedCautions(exercise.Patterns).Where(c => !exercise.Cautions.Contains(c) && !exercise.Contraindications.Contains(c)).Order())
        {
            yield return $"cautions lack '{Vocabulary.Id(condition)}', which its patterns need care with";
        }
    }

    /// <summary>Labels are written for lists; inside a sentence they read in lower case.</summary>
    public static string ConditionPhrase(Condition condition) => Vocabulary.Label(condition).ToLowerInvariant();

    public static string PatternPhrase(IEnumerable<LoadPattern> patterns) =>
        string.Join(", ", patterns.Select(p => Vocabulary.Label(p).ToLowerInvariant()));
}
