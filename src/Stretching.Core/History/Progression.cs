using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.History;

public enum DoseChange { Up, Stay, Back }

/// <summary>One exercise's dose for the next sessions, the dose it steps from, and why, in plain words.</summary>
public sealed record DoseAdjustment(string Slug, DoseChange Change, Dose From, Dose To, string Reason);

/// <summary>A suggestion to try the next level; the person decides, nothing changes by itself.</summary>
/// <summary>
/// The exercises one session marked as felt good or hurt, and when: all the advice reads of a session
/// older than <see cref="Progression.LookBack"/>, so a long history need not be read in full.
/// </summary>
public sealed record RecordMarks(string RecordId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<ExerciseFlag> Flags)
{
    public static RecordMarks Of(SessionRecord record) => new(record.Id, record.StartedAt, record.FinishedAt, record.Flags);
}

public sealed record LevelSuggestion(Level Next, string Text);

/// <summary>
/// What a person's history advises for their next built sessions: a dose per exercise, exercises
/// left out because they hurt (slug and why), and perhaps a level to try. <see cref="ApplyTo"/> is
/// how it reaches a session, for a builder request and for a planned preset alike.
/// </summary>
public sealed record ProgressionAdvice(
    IReadOnlyList<DoseAdjustment> Adjustments,
    IReadOnlyDictionary<string, string> Excluded,
    LevelSuggestion? LevelSuggestion)
{
    public IReadOnlyDictionary<string, Dose> DoseOverrides => Adjustments.ToDictionary(a => a.Slug, a => a.To);

    /// <summary>
    /// The request with the advice added: the hurt exercises left out with their reason, and the doses
    /// played where the request sets none of its own. A reason the request already gives is kept.
    /// </summary>
    public SessionRequest ApplyTo(SessionRequest request)
    {
        var reasons = new Dictionary<string, string>(Excluded);
        foreach (var (slug, reason) in request.ExcludeReasons) reasons[slug] = reason;
        var doses = new Dictionary<string, Dose>(DoseOverrides);
        foreach (var (slug, dose) in request.DoseOverrides) doses[slug] = dose;
        return request with
        {
            Exclude = [.. request.Exclude, .. Excluded.Keys.Where(slug => !request.Exclude.Contains(slug)).Order(StringComparer.Ordinal)],
            ExcludeReasons = reasons,
            DoseOverrides = doses,
        };
    }
}

/// <summary>
/// D7, progress step by step, read from the person's history; H4, ease off when it hurts. Ease is how
/// hard a session felt, 1 (very easy) to 5 (very hard): <see cref="EasyAtMost"/> or less is easy,
/// <see cref="HardFrom"/> or more is hard.
/// <list type="bullet">
/// <item>An exercise whose latest mark is "hurt" is left out until the person brings it back after that mark.</item>
/// <item>Each other exercise done in the last <see cref="LookBack"/> steps from the dose it last played
/// (holds and timed work by <see cref="SecondsStep"/> s, repetitions by one): back when its latest
/// session felt hard or the back hurt more after it than before, or while the pain trend is rising
/// (so again after every such session, down to the least the level allows); up once its last <see cref="EasySessionsToStepUp"/> sessions at this dose felt easy without more
/// pain after them, it has been played at this dose for <see cref="StepEvery"/> (so at most one step
/// a week), and the pain trend is easing, low or unknown; otherwise it stays.</item>
/// <item>Every dose stays within <see cref="DosageRules.Limits"/> for the exercise at the person's level.</item>
/// <item>After <see cref="WeeksForLevel"/> weeks in a row (the seven-day spans before now) with at least
/// <see cref="SessionsPerWeekForLevel"/> sessions felt easy each, none felt harder, no pain rising after a
/// session or exercise marked as hurting, and a pain trend easing, low or unknown, the next level is suggested.</item>
/// </list>
/// The warm-up's joint work and cardio, the rests and the cool-down keep their fixed figures, and are
/// not stepped; they are left out when they hurt, and the builder puts a stand-in in their place.
/// </summary>
public static class Progression
{
    public const int EasyAtMost = 2;
    public const int HardFrom = 4;
    public const int SecondsStep = 5;
    public const int EasySessionsToStepUp = 2;
    public const int WeeksForLevel = 3;
    public const int SessionsPerWeekForLevel = 2;
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(28);
    public static readonly TimeSpan StepEvery = TimeSpan.FromDays(7);

    public const string HurtReason = "Left out because it hurt last time; bring it back from your history.";

    /// <param name="records">The person's sessions, at least all those started in the <see cref="LookBack"/> before <paramref name="now"/>; only those started by then count.</param>
    /// <param name="olderMarks">The marks of the person's sessions that are not among <paramref name="records"/>: a hurt mark counts however old it is.</param>
    /// <param name="exerciseOf">The catalog's exercise by slug, null when it is gone.</param>
    /// <param name="broughtBack">When the person brought back each exercise they had marked as hurting.</param>
    public static ProgressionAdvice Advise(
        IEnumerable<SessionRecord> records, IEnumerable<RecordMarks> olderMarks, Func<string, Exercise?> exerciseOf, Level level,
        IReadOnlyDictionary<string, DateTimeOffset> broughtBack, DateTimeOffset now)
    {
        var history = SessionRecords.InOrder(records).Where(r => r.StartedAt <= now).ToList();
        var recent = history.Where(r => r.StartedAt > now - LookBack && SessionRecords.WasPlayed(r)).ToList();
        var pain = PainTrend.Of(history, now - LookBack, now).Verdict;

        var marks = history.Select(RecordMarks.Of).Concat(olderMarks.Where(m => m.StartedAt <= now));
        var excluded = Hurting(marks, broughtBack).Where(slug => exerciseOf(slug) is not null).ToDictionary(slug => slug, _ => HurtReason);
        var adjustments = recent.SelectMany(r => r.Items.Where(i => i.Status == ItemStatus.Done).Select(i => i.Slug))
            .Distinct().Order(StringComparer.Ordinal)
            .Where(slug => !excluded.ContainsKey(slug) && !SessionStructure.IsStructural(slug))
            .Select(slug => exerciseOf(slug) is { } exercise && exercise.Level <= level && DosageRules.CanDose(exercise) ? Adjust(exercise, level, recent, pain, now) : null)
            .OfType<DoseAdjustment>()
            .ToList();
        return new ProgressionAdvice(adjustments, excluded, SuggestLevel(history, level, pain, now));
    }

    /// <summary>The exercises whose latest mark is "hurt", given after any time the person brought them back.</summary>
    private static IEnumerable<string> Hurting(IEnumerable<RecordMarks> marked, IReadOnlyDictionary<string, DateTimeOffset> broughtBack)
    {
        var latest = new Dictionary<string, (bool Hurt, DateTimeOffset At)>();
        // In the order SessionRecords.InOrder gives, so the latest session's mark wins.
        foreach (var record in marked.OrderBy(m => m.StartedAt).ThenBy(m => m.RecordId, StringComparer.Ordinal))
        {
            foreach (var marks in record.Flags.GroupBy(f => f.Slug))
            {
                // Marked both ways in one session: the hurt counts.
                latest[marks.Key] = (marks.Any(f => f.Felt == Felt.Hurt), record.FinishedAt);
            }
        }
        return latest.Where(m => m.Value.Hurt && !(broughtBack.TryGetValue(m.Key, out var back) && back > m.Value.At))
            .Select(m => m.Key).Order(StringComparer.Ordinal);
    }

    private static DoseAdjustment Adjust(Exercise exercise, Level level, IReadOnlyList<SessionRecord> recent, PainVerdict pain, DateTimeOffset now)
    {
        // Each session that did the exercise, with the dose it played there brought within this level's
        // limits; null where it played in another shape (in a routine, say), which breaks a run of one dose.
        var done = recent
            .Where(r => r.Items.Any(i => i.Slug == exercise.Slug && i.Status == ItemStatus.Done))
            .Select(r => (Record: r, Dose: ExerciseStats.PlannedItem(r.Snapshot, exercise.Slug) is { } item
                ? DosageRules.Fit(exercise, level, SessionEditor.DoseOf(item))
                : null))
            .ToList();
        var current = done.LastOrDefault(s => s.Dose is not null).Dose ?? DosageRules.For(exercise, level);
        var atCurrent = done.AsEnumerable().Reverse().TakeWhile(s => s.Dose == current).Select(s => s.Record).Reverse().ToList();
        var latest = done[^1].Record;
        var limits = DosageRules.Limits(exercise, level);

        var whyBack = pain == PainVerdict.Rising ? "Your pain has been rising"
            : SessionRecords.PainRose(latest) ? "Your back hurt more after your last session with it than before"
            : latest.Ease >= HardFrom ? "Your last session with it felt hard"
            : null;
        if (whyBack is not null)
        {
            var lower = DosageRules.Fit(exercise, level, Step(current, limits, up: false))!;
            return lower == current
                ? Stay($"{whyBack}, and it is already as gentle as your level goes")
                : new DoseAdjustment(exercise.Slug, DoseChange.Back, current, lower, $"{whyBack}, so a step back: {Describe(lower)}.");
        }

        var lastSessions = atCurrent.TakeLast(EasySessionsToStepUp).ToList();
        if (lastSessions.Count < EasySessionsToStepUp || !lastSessions.All(r => r.Ease <= EasyAtMost && !SessionRecords.PainRose(r)))
        {
            return Stay("Same as last time");
        }
        if (!IsCalm(pain)) return Stay("Same as last time while your pain is not easing");
        if (now - atCurrent[0].StartedAt < StepEvery) return Stay("It felt easy; the next step comes after a week at this dose");
        var higher = DosageRules.Fit(exercise, level, Step(current, limits, up: true))!;
        return higher == current
            ? Stay("It felt easy, and this is the most your level allows")
            : new DoseAdjustment(exercise.Slug, DoseChange.Up, current, higher, $"Your last sessions with it felt easy, so a step up: {Describe(higher)}.");

        DoseAdjustment Stay(string why) => new(exercise.Slug, DoseChange.Stay, current, current, $"{why}: {Describe(current)}.");
    }

    /// <summary>Pain that allows a step up: easing, low, or not rated enough to tell.</summary>
    private static bool IsCalm(PainVerdict pain) => pain is PainVerdict.NoVerdict or PainVerdict.Easing or PainVerdict.Low;

    /// <summary>One step: timed work and holds by <see cref="SecondsStep"/> s, repetitions by one.</summary>
    private static Dose Step(Dose dose, DoseLimits limits, bool up)
    {
        var sign = up ? 1 : -1;
        if (dose is { Reps: { } reps, HoldSeconds: { } hold })
        {
            // A repeated hold gains repetitions first, then a longer hold, and gives them back in the reverse order.
            var stepHold = up ? reps >= limits.Reps!.Max : hold > limits.HoldSeconds!.Min;
            return stepHold ? dose with { HoldSeconds = hold + sign * SecondsStep } : dose with { Reps = reps + sign };
        }
        return dose switch
        {
            { Seconds: { } seconds } => dose with { Seconds = seconds + sign * SecondsStep },
            { Reps: { } count } => dose with { Reps = count + sign },
            { HoldSeconds: { } held } => dose with { HoldSeconds = held + sign * SecondsStep },
            _ => dose,
        };
    }

    private static string Describe(Dose dose) => dose switch
    {
        { Reps: { } reps, HoldSeconds: { } hold } => $"{reps} times, holding {hold} s",
        { Reps: { } reps } => $"{reps} times",
        { HoldSeconds: { } hold } => $"hold {hold} s",
        { Seconds: { } seconds } => SessionText.Duration(seconds),
        _ => "",
    };

    private static LevelSuggestion? SuggestLevel(IReadOnlyList<SessionRecord> history, Level level, PainVerdict pain, DateTimeOffset now)
    {
        if (level == Level.Advanced || !IsCalm(pain)) return null;
        for (var week = 0; week < WeeksForLevel; week++)
        {
            var (after, upTo) = (now - StepEvery * (week + 1), now - StepEvery * week);
            var sessions = history.Where(r => r.StartedAt > after && r.StartedAt <= upTo && SessionRecords.WasPlayed(r)).ToList();
            var easy = sessions.Count(r => r.Ease <= EasyAtMost) >= SessionsPerWeekForLevel
                && !sessions.Any(r => r.Ease > EasyAtMost || SessionRecords.PainRose(r) || r.Flags.Any(f => f.Felt == Felt.Hurt));
            if (!easy) return null;
        }
        var next = level + 1;
        return new LevelSuggestion(next,
            $"Your last {WeeksForLevel} weeks felt easy, with at least {SessionsPerWeekForLevel} sessions each and no pain rising after them. "
            + $"When you feel ready, try the {Vocabulary.Label(next).ToLowerInvariant()} level; you can go back whenever you like.");
    }
}
