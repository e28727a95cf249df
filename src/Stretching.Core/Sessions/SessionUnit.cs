using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// One exercise at one dose, as the items it plays: a single item, or left then right for a
/// per-side exercise, repeated per set. Units are what the builder selects, orders and packs,
/// so the two sides of an exercise are never split by a rest.
/// </summary>
/// <param name="IsRepeat">Extra sets added by the builder under D7, as opposed to a routine's own sets.</param>
public sealed record SessionUnit(Exercise Exercise, Dose Dose, string Reason, int Sets = 1, bool IsRepeat = false)
{
    public int ItemSeconds => SessionTiming.ItemSeconds(Dose);

    public int Seconds => ItemSeconds * Sets * (Exercise.PerSide ? 2 : 1);

    public IEnumerable<SessionItem> Items()
    {
        for (var set = 1; set <= Sets; set++)
        {
            var reason = Sets == 1 ? Reason
                : IsRepeat ? $"{AsSentence(Reason)} Round {set} of {Sets}: an exercise that feels good may be repeated."
                : $"{AsSentence(Reason)} Set {set} of {Sets}.";
            if (Exercise.PerSide)
            {
                yield return Item(Side.Left, reason);
                yield return Item(Side.Right, reason);
            }
            else
            {
                yield return Item(null, reason);
            }
        }
    }

    /// <summary>A routine's note may be a figure without a full stop ("10-20 times"); the set count follows it as a sentence of its own.</summary>
    private static string AsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    private SessionItem Item(Side? side, string reason) => new(
        Exercise.Slug, Exercise.Name, ItemRole.Exercise, 0, ItemSeconds,
        Dose.Reps, Dose.HoldSeconds, side, Exercise.Breathing, reason, Dose.AsLongAsYouCan)
    {
        RepSeconds = SessionTiming.RepSeconds(Dose),
        ReleaseSeconds = SessionTiming.ReleaseSeconds(Dose),
    };

    /// <summary>The same exercise with fewer sets, then fewer repetitions or a shorter hold, to fit a time.</summary>
    public SessionUnit ShrinkTo(int maxSeconds)
    {
        var unit = this;
        while (unit.Seconds > maxSeconds && unit.Smaller() is { } smaller)
        {
            unit = smaller;
        }
        return unit;
    }

    private SessionUnit? Smaller() => Sets > 1 ? this with { Sets = Sets - 1 } : Dose switch
    {
        { Reps: > 1 and var reps } => this with { Dose = Dose with { Reps = reps - 1 } },
        { Seconds: > DosageRules.MinHoldSeconds and var seconds } => this with { Dose = Dose with { Seconds = seconds - 5 } },
        { Reps: null, HoldSeconds: > DosageRules.MinHoldSeconds and var hold } => this with { Dose = Dose with { HoldSeconds = Math.Max(DosageRules.MinHoldSeconds, hold - 5) } },
        _ => null,
    };
}
