namespace Stretching.Core.Catalog;

/// <summary>Short human wording of an exercise's figures, e.g. "Hold 15 s · 9 reps · each side".</summary>
public static class Dosage
{
    public static string Summarize(Exercise exercise)
    {
        var parts = new List<string>();
        if (exercise.Duration is { } duration) parts.Add(Seconds(duration));
        if (exercise.Hold is { } hold) parts.Add("hold " + Seconds(hold));
        if (exercise.Breaths is { } breaths) parts.Add(Count(breaths, "breath", "breaths"));
        if (exercise.Reps is { } reps) parts.Add(Count(reps, "rep", "reps"));
        if (exercise.Sets is { } sets) parts.Add(Count(sets, "set", "sets"));
        if (exercise.PerSide) parts.Add("each side");
        if (parts.Count == 0) return "As advised by your doctor";
        var text = string.Join(" · ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A range of seconds as people read it; an open-ended one as "at least" its figure.</summary>
    public static string Seconds(SecondsRange range) =>
        range.AtLeast ? $"at least {Seconds(range.MinSeconds, range.MinSeconds)}" : Seconds(range.MinSeconds, range.MaxSeconds);

    public static string Seconds(int min, int max)
    {
        static string One(int s) => s >= 60 && s % 60 == 0 ? $"{s / 60} min" : $"{s} s";
        if (min == max) return One(min);
        return min >= 60 && min % 60 == 0 && max % 60 == 0 ? $"{min / 60}-{max / 60} min" : $"{min}-{max} s";
    }

    private static string Count(CountRange range, string singular, string plural) =>
        range.Min == range.Max
            ? $"{range.Min} {(range.Min == 1 ? singular : plural)}"
            : $"{range.Min}-{range.Max} {plural}";
}
