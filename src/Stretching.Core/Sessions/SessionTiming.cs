using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// How long an item takes. Every exercise item starts with a short lead to get into position
/// (the player's "get ready"), then its work:
/// timed work = its seconds; a static hold = the hold; repetitions = reps x (hold + movement),
/// with a fixed movement time per repetition. A per-side exercise is two items, one per side,
/// each with the full dose. Sets become consecutive items.
/// </summary>
public static class SessionTiming
{
    public const int LeadSeconds = 5;
    public const int MovementSecondsPerRep = 3;
    public const int SecondsPerDynamicRep = 4;
    public const int SecondsPerBreath = 6;

    public static int WorkSeconds(Dose dose) => dose switch
    {
        { Seconds: { } seconds } => seconds,
        { Reps: { } reps, HoldSeconds: { } hold } => reps * (hold + MovementSecondsPerRep),
        { Reps: { } reps } => reps * SecondsPerDynamicRep,
        { HoldSeconds: { } hold } => hold,
        _ => throw new ArgumentException("A dose needs seconds, reps or a hold.", nameof(dose)),
    };

    public static int ItemSeconds(Dose dose) => LeadSeconds + WorkSeconds(dose);

    public static int? RepSeconds(Dose dose) => dose switch
    {
        { Seconds: not null } => null,
        { Reps: not null, HoldSeconds: { } hold } => hold + MovementSecondsPerRep,
        { Reps: not null } => SecondsPerDynamicRep,
        _ => null,
    };

    public static int? ReleaseSeconds(Dose dose) =>
        dose is { Seconds: null, Reps: not null, HoldSeconds: not null } ? MovementSecondsPerRep : null;
}

/// <summary>
/// The amount of one item: timed seconds, or repetitions and/or a hold. "As long as you can" (the
/// articles' "for maximum time") is planned at its starting figure and shown as open-ended.
/// </summary>
public sealed record Dose(int? Seconds, int? Reps, int? HoldSeconds, bool AsLongAsYouCan = false)
{
    public static Dose Timed(int seconds) => new(seconds, null, null);

    public static Dose Held(int seconds) => new(null, null, seconds);
}

/// <summary>The figures a dose may take; null where the exercise is not dosed that way.</summary>
public sealed record DoseLimits(CountRange? Reps, CountRange? HoldSeconds, CountRange? Seconds);

/// <summary>Dosage by level, rules D1-D4 (domain-rules.md).</summary>
public static class DosageRules
{
    /// <summary>D2: at least 10 s for any static hold.</summary>
    public const int MinHoldSeconds = 10;

    /// <summary>S1: the shortest a timed warm-up part becomes in a short session.</summary>
    public const int MinTimedSeconds = 60;

    /// <summary>D4: beginners up to 7 repetitions, regular exercisers up to 15.</summary>
    public static int MaxReps(Level level) => level == Level.Beginner ? 7 : 15;

    /// <summary>D3: beginners 30-40 s per exercise, advanced 40-45 s (5-7 breaths).</summary>
    public static int MaxHoldSeconds(Level level) => level == Level.Beginner ? 40 : 45;

    private static (int Min, int Max) PreferredHold(Level level) => level switch
    {
        Level.Beginner => (30, 40),
        Level.Intermediate => (30, 45),
        _ => (40, 45),
    };

    /// <summary>
    /// The builder's dose for an exercise at a level. The exercise's own figures are used when they
    /// fit the level's bounds, otherwise the nearest figure inside them. In repeated movements the
    /// catalog's short per-repetition pause (e.g. the cat's 5 s) is kept as it is: D2's 10 s applies
    /// to static holds.
    /// </summary>
    public static Dose For(Exercise exercise, Level level)
    {
        if (exercise.Reps is { } reps)
        {
            var count = Math.Min(Pick(reps.Min, reps.Max, level), MaxReps(level));
            var pause = exercise.Hold is { } h ? Math.Min(Pick(h.MinSeconds, h.MaxSeconds, level), MaxHoldSeconds(level)) : (int?)null;
            return new Dose(null, count, pause);
        }
        if (HoldRange(exercise) is { } hold)
        {
            return Dose.Held(FitHold(hold.Min, hold.Max, level));
        }
        if (exercise.Duration is { } duration)
        {
            return Dose.Timed(Pick(duration.MinSeconds, duration.MaxSeconds, level));
        }
        throw new ArgumentException($"{exercise.Slug} has no figures to dose.", nameof(exercise));
    }

    /// <summary>
    /// What a dose may be at a level: the exercise's own figures, within D2-D4's bounds. Every dose
    /// <see cref="For"/> gives lies inside these limits, and a person editing a dose stays inside them.
    /// </summary>
    public static DoseLimits Limits(Exercise exercise, Level level)
    {
        CountRange Capped(int min, int max, int cap) => new(Math.Min(min, cap), Math.Min(max, cap));
        if (exercise.Reps is { } reps)
        {
            var pause = exercise.Hold is { } h ? Capped(h.MinSeconds, h.MaxSeconds, MaxHoldSeconds(level)) : null;
            return new DoseLimits(Capped(reps.Min, reps.Max, MaxReps(level)), pause, null);
        }
        if (HoldRange(exercise) is var (min, max))
        {
            var (low, high) = (MinHoldSeconds, MaxHoldSeconds(level));
            return new DoseLimits(null, new CountRange(Math.Clamp(min, low, high), Math.Clamp(max, low, high)), null);
        }
        // S1: a short session shortens the warm-up's timed parts down to a minute; a person may too.
        return new DoseLimits(null, null, exercise.Duration is { } d ? new CountRange(Math.Min(d.MinSeconds, MinTimedSeconds), d.MaxSeconds) : null);
    }

    /// <summary>
    /// A requested dose (such as a person's progression) brought within <see cref="Limits"/> at the
    /// level, or null when the exercise cannot be dosed or is not dosed that way (a hold asked of a
    /// timed exercise): the caller then keeps the level's own dose rather than play a shape the
    /// exercise does not have.
    /// </summary>
    public static Dose? Fit(Exercise exercise, Level level, Dose requested)
    {
        if (!CanDose(exercise)) return null;
        var usual = For(exercise, level);
        if ((requested.Seconds is null) != (usual.Seconds is null)
            || (requested.Reps is null) != (usual.Reps is null)
            || (requested.HoldSeconds is null) != (usual.HoldSeconds is null))
        {
            return null;
        }
        var limits = Limits(exercise, level);
        return new Dose(Clamp(requested.Seconds, limits.Seconds), Clamp(requested.Reps, limits.Reps), Clamp(requested.HoldSeconds, limits.HoldSeconds));

        static int? Clamp(int? value, CountRange? range) => value is { } v && range is { } r ? Math.Clamp(v, r.Min, r.Max) : value;
    }

    public static bool CanDose(Exercise exercise) =>
        exercise.Reps is not null || exercise.Hold is not null || exercise.Breaths is not null || exercise.Duration is not null;

    private static (int Min, int Max)? HoldRange(Exercise exercise) =>
        exercise.Hold is { } hold ? (hold.MinSeconds, hold.MaxSeconds)
        : exercise.Breaths is { } breaths ? (breaths.Min * SessionTiming.SecondsPerBreath, breaths.Max * SessionTiming.SecondsPerBreath)
        : null;

    /// <summary>The value of the exercise's range nearest the level's preferred range, within D2-D3's bounds.</summary>
    private static int FitHold(int min, int max, Level level)
    {
        var (preferredMin, preferredMax) = PreferredHold(level);
        var nearest = max < preferredMin ? max : min > preferredMax ? min : Math.Clamp(preferredMin, min, max);
        return Math.Clamp(nearest, MinHoldSeconds, MaxHoldSeconds(level));
    }

    private static int Pick(int min, int max, Level level) => level switch
    {
        Level.Beginner => min,
        Level.Intermediate => (min + max) / 2,
        _ => max,
    };
}
