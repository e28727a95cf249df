using Stretching.Core.Catalog;
using Stretching.Core.Safety;

namespace Stretching.Core.Sessions;

/// <summary>
/// One exercise of a saved session as a person edits it: its dose and how many rounds, both sides
/// together when it is done per side.
/// </summary>
public sealed record SessionEntry(BlockKind Block, string Slug, Dose Dose, int Sets);

/// <summary>What an edit gave: the new timeline, and what the safety screen took out, with why.</summary>
public sealed record EditResult(Session Session, IReadOnlyList<ExcludedExercise> Removed);

/// <summary>
/// Edits a saved session while keeping it within the rules: doses stay within the exercise's own
/// range, the safety screen re-runs with the owner's conditions after every change (what a condition
/// rules out is taken out, and the result says so), and the main block's rests are placed again
/// by S2, every time, from the entries.
/// </summary>
public sealed class SessionEditor(CatalogSnapshot catalog)
{
    /// <summary>The exercises of a timeline as entries: consecutive items of one exercise (sides, rounds) are one entry; rests are dropped.</summary>
    public static IReadOnlyList<SessionEntry> Entries(Session session)
    {
        var entries = new List<SessionEntry>();
        foreach (var block in session.Blocks)
        {
            SessionItem? previous = null;
            foreach (var item in block.Items.Where(i => i.Role == ItemRole.Exercise))
            {
                if (previous?.Slug != item.Slug)
                {
                    entries.Add(new SessionEntry(block.Kind, item.Slug, DoseOf(item), 1));
                }
                else if (!(item.Side == Side.Right && previous.Side == Side.Left))
                {
                    // A right side belongs to the round that began on the left; anything else is one more round.
                    entries[^1] = entries[^1] with { Sets = entries[^1].Sets + 1 };
                }
                previous = item;
            }
        }
        return entries;
    }

    /// <summary>Puts an exercise at the end of the main set (after the warm-up when the main set is empty).</summary>
    public static void AppendToMain(List<SessionEntry> entries, SessionEntry entry)
    {
        var afterMain = entries.FindLastIndex(e => e.Block == BlockKind.Main) + 1;
        entries.Insert(afterMain > 0 ? afterMain : entries.FindLastIndex(e => e.Block == BlockKind.WarmUp) + 1, entry with { Block = BlockKind.Main });
    }

    /// <summary>Why a dose is outside what the exercise's figures allow at the level (D2-D4); null when it fits.</summary>
    public string? DoseProblem(string slug, Dose dose, Level level)
    {
        if (catalog.Exercise(slug) is not { } exercise) return $"No exercise has the slug '{VocabularyIds.Clip(slug)}'.";
        if (!DosageRules.CanDose(exercise)) return $"{exercise.Name} has no figures to dose.";
        if (dose is { Seconds: null, Reps: null, HoldSeconds: null }) return "Give a time, repetitions or a hold.";
        var limits = DosageRules.Limits(exercise, level);
        var atLevel = $" at the {Vocabulary.Label(level).ToLowerInvariant()} level";
        return (dose, limits) switch
        {
            ({ Seconds: not null }, { Seconds: null }) => $"{exercise.Name} is not done for a time.",
            ({ Seconds: { } s }, { Seconds: { } range }) when !Within(s, range) => $"{exercise.Name} lasts {Dosage.Seconds(range.Min, range.Max)}.",
            ({ Reps: not null }, { Reps: null }) => $"{exercise.Name} is not done in repetitions.",
            ({ Reps: { } reps }, { Reps: { } range }) when !Within(reps, range) => $"{exercise.Name} is done {Count(range)} times{atLevel}.",
            ({ HoldSeconds: not null }, { HoldSeconds: null }) => $"{exercise.Name} is not held.",
            ({ HoldSeconds: { } hold }, { HoldSeconds: { } range }) when !Within(hold, range) => $"{exercise.Name} is held {Dosage.Seconds(range.Min, range.Max)}{atLevel}.",
            _ => null,
        };
    }

    private static bool Within(int value, CountRange range) => value >= range.Min && value <= range.Max;

    private static string Count(CountRange range) => range.Min == range.Max ? $"{range.Min}" : $"{range.Min}-{range.Max}";

    /// <summary>
    /// Lays the entries out as a session again: doses checked, the safety screen re-run for the
    /// owner's conditions, rests placed again in the main block. Entries with a dose outside the
    /// exercise's range are a problem for the caller to report, not something to fix silently.
    /// </summary>
    public EditResult Rebuild(IReadOnlyList<SessionEntry> entries, IReadOnlySet<Condition> conditions)
    {
        var removed = new List<ExcludedExercise>();
        var request = new SessionRequest { Minutes = SessionRequest.MinMinutes, Level = Level.Advanced, Conditions = conditions };
        var kept = new List<(SessionEntry Entry, Exercise Exercise)>();
        foreach (var entry in entries)
        {
            if (catalog.Exercise(entry.Slug) is not { } exercise)
            {
                removed.Add(new ExcludedExercise(entry.Slug, entry.Slug, "It is no longer in the catalog."));
                continue;
            }
            // What the person keeps in their own session counts as asked for: only what a condition rules out is taken out.
            if (ContraindicationScreen.ExclusionReason(exercise, request, explicitlyIncluded: true) is { } reason)
            {
                removed.Add(new ExcludedExercise(exercise.Slug, exercise.Name, reason));
                continue;
            }
            kept.Add((entry, exercise));
        }

        var rest = RestPoseFor(conditions);
        var blocks = Enum.GetValues<BlockKind>().Select(kind =>
        {
            var units = kept.Where(k => k.Entry.Block == kind)
                .Select(k => new SessionUnit(k.Exercise, k.Entry.Dose, Reason(k.Exercise, conditions), k.Entry.Sets))
                .ToList();
            var items = kind == BlockKind.Main
                ? RestScheduler.Schedule(units, rest, shorten: false)
                : units.SelectMany(u => u.Items()).ToList();
            return (kind, items);
        }).ToList();
        var total = blocks.Sum(b => b.items.Sum(i => i.Seconds));
        var warnings = kept.Count == 0 ? ["Nothing is left to play: add an exercise."] : Array.Empty<string>();
        return new EditResult(Timeline.Assemble((int)Math.Round(total / 60.0), null, blocks, removed, warnings), removed);
    }

    /// <summary>
    /// The rests the editor places are its own choice, not the owner's, so like the builder's they never
    /// need care with the owner's conditions: child's pose, or the first stand-in with nothing to take
    /// care over, saying why; none when nothing suits.
    /// </summary>
    private RestPose? RestPoseFor(IReadOnlySet<Condition> conditions)
    {
        var candidates = SessionStructure.Candidates[StructuralRole.Rest].Select(catalog.Exercise).OfType<Exercise>().ToList();
        if (candidates.FirstOrDefault(e => ExerciseSafety.Assess(e, conditions).Count == 0) is not { } pick) return null;
        var usual = candidates[0];
        return pick == usual
            ? new RestPose(pick)
            : new RestPose(pick, $"It takes the place of {usual.Name.ToLowerInvariant()}: {ExerciseSafety.Assess(usual, conditions)[0].Reason}");
    }

    private static string Reason(Exercise exercise, IReadOnlySet<Condition> conditions)
    {
        var care = ExerciseSafety.Assess(exercise, conditions).Where(n => n.Effect == RuleEffect.NeedsCare).Select(n => n.Reason).ToList();
        return care.Count == 0 ? "In your session." : $"In your session. {string.Join(" ", care)} Go gently and stop if it hurts.";
    }

    /// <summary>The dose an item plays, read back from its figures (a session's history steps from it too).</summary>
    internal static Dose DoseOf(SessionItem item) => item switch
    {
        { Reps: { } reps } => new Dose(null, reps, item.HoldSeconds),
        { HoldSeconds: { } hold } => Dose.Held(hold) with { AsLongAsYouCan = item.AsLongAsYouCan },
        _ => Dose.Timed(item.Seconds - item.LeadSeconds),
    };

    private static (int Min, int Max)? HoldRange(Exercise exercise) =>
        exercise.Hold is { } h ? (h.MinSeconds, h.MaxSeconds)
        : exercise.Breaths is { } b ? (b.Min * SessionTiming.SecondsPerBreath, b.Max * SessionTiming.SecondsPerBreath)
        : null;
}
