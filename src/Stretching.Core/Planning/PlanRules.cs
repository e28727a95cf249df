using System.Globalization;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Planning;

/// <summary>How many sessions a week a goal asks for (W2), and whether one day must stay free.</summary>
public sealed record WeeklyFrequency(int MinSessions, int MaxSessions, bool NeedsRestDay);

/// <summary>
/// Checks a weekly plan against the week rules W1-W4 and says, in plain words, what breaks one or
/// could follow one better. Nothing here refuses a plan: the person decides, the warnings inform.
/// </summary>
public static class PlanRules
{
    /// <summary>W1: a full session lasts 30-50 minutes.</summary>
    public const int FullSessionMinutes = 30;

    /// <summary>W1: 15 minutes a day is the least that keeps the habit.</summary>
    public const int DailyMinimumMinutes = 15;

    /// <summary>W3: the evening is the best time; from here on a start counts as evening.</summary>
    public static readonly TimeOnly EveningStarts = new(17, 0);

    public static class Codes
    {
        public const string TooFewSessions = "too-few-sessions";
        public const string TooManySessions = "too-many-sessions";
        public const string NoRestDay = "no-rest-day";
        public const string SeveralOnOneDay = "several-on-one-day";
        public const string SessionMissing = "session-missing";
        public const string BelowDailyMinimum = "below-daily-minimum";
        public const string SessionTooShort = "session-too-short";
        public const string NotEvening = "not-evening";
        public const string DifferentTimes = "different-times";
        public const string RoutineDayType = "routine-day-type";
    }

    /// <summary>W2: back health 4-6 a week with a day of rest (the default), a dancer every day, next to strength and cardio 2-3.</summary>
    public static WeeklyFrequency Frequency(PlanGoal goal) => goal switch
    {
        PlanGoal.BackHealth => new WeeklyFrequency(4, 6, NeedsRestDay: true),
        PlanGoal.Dancer => new WeeklyFrequency(7, 7, NeedsRestDay: false),
        PlanGoal.StrengthAndCardio => new WeeklyFrequency(2, 3, NeedsRestDay: false),
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Unknown goal."),
    };

    /// <summary>
    /// The warnings for a plan's typical week (its slots; one-off changes do not count). Each slot's
    /// length comes from <paramref name="minutesOf"/>, null when what it plays no longer exists;
    /// routines come from <paramref name="routineOf"/> by slug, and without it W4 is not checked.
    /// Week-wide warnings come first, then those about single slots in weekday order, then W3's hints.
    /// </summary>
    public static IReadOnlyList<PlanWarning> Warnings(WeeklyPlan plan, Func<SlotPlay, int?> minutesOf, Func<string, Routine?>? routineOf = null)
    {
        var slots = plan.Slots.OrderBy(s => WeekdayIndex(s.Day)).ThenBy(s => s.Time).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var warnings = new List<PlanWarning>();
        warnings.AddRange(FrequencyWarnings(plan.Goal, slots));
        warnings.AddRange(LengthWarnings(plan.Goal, slots, minutesOf));
        foreach (var slot in slots)
        {
            if (slot.Play is SlotPlay.Routine { Slug: var slug } && routineOf?.Invoke(slug) is { } routine
                && !Suits(routine, plan.TrainingDays.Contains(slot.Day)))
            {
                warnings.Add(DayTypeWarning(slot, routine, plan.TrainingDays.Contains(slot.Day)));
            }
        }
        warnings.AddRange(TimeHints(slots));
        return warnings;
    }

    /// <summary>W4: whether a routine is meant for a day of this kind; a session after training counts as a training day's.</summary>
    public static bool Suits(Routine routine, bool trainingDay) => routine.Days.Any(day => day switch
    {
        DayType.AnyDay => true,
        DayType.TrainingDay or DayType.AfterTraining => trainingDay,
        DayType.NonTrainingDay => !trainingDay,
        _ => false,
    });

    /// <summary>W4: the routines that suit a day, those made for its kind of day ahead of those for any day, otherwise in the given order.</summary>
    public static IReadOnlyList<Routine> SuitableRoutines(bool trainingDay, IEnumerable<Routine> routines) =>
        routines.Where(r => Suits(r, trainingDay)).OrderBy(r => r.Days.Contains(DayType.AnyDay)).ToList();

    /// <summary>Monday first, as the ISO week and <see cref="PlanCalendar.WeekStart"/> count.</summary>
    public static int WeekdayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    internal static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    private static IEnumerable<PlanWarning> FrequencyWarnings(PlanGoal goal, IReadOnlyList<PlanSlot> slots)
    {
        var days = slots.Select(s => s.Day).Distinct().ToList();
        var count = slots.Count;
        var frequency = Frequency(goal);
        if (goal == PlanGoal.Dancer)
        {
            // W2 for dancers is about days: every day of the week has its session.
            var free = Enum.GetValues<DayOfWeek>().Where(d => !days.Contains(d)).OrderBy(WeekdayIndex).ToList();
            if (free.Count > 0)
            {
                yield return new PlanWarning(Codes.TooFewSessions,
                    $"A dancer's back gets the most from stretching every day; {List(free.Select(d => d.ToString()))} {(free.Count == 1 ? "has" : "have")} no session yet.");
            }
        }
        else
        {
            var range = $"{frequency.MinSessions} {(frequency.MaxSessions - frequency.MinSessions == 1 ? "or" : "to")} {frequency.MaxSessions}";
            var aim = goal == PlanGoal.BackHealth ? "For a healthy back" : "Next to strength and cardio training";
            if (count < frequency.MinSessions)
            {
                yield return new PlanWarning(Codes.TooFewSessions,
                    $"{aim}, plan {range} sessions a week; this week has {Sessions(count)}.");
            }
            else if (count > frequency.MaxSessions)
            {
                yield return new PlanWarning(Codes.TooManySessions,
                    $"{aim}, {range} sessions a week are enough; this week has {Sessions(count)}.");
            }
            if (frequency.NeedsRestDay && days.Count == 7)
            {
                yield return new PlanWarning(Codes.NoRestDay, "Every day has a session. Keep one day a week free so your back can rest.");
            }
        }
        foreach (var day in slots.GroupBy(s => s.Day).Where(g => g.Count() > 1))
        {
            yield return new PlanWarning(Codes.SeveralOnOneDay,
                $"{day.Key} has {day.Count()} sessions. One full session a day is the aim: move one to a free day or join them into one.")
            {
                SlotIds = day.Select(s => s.Id).ToList(),
            };
        }
    }

    private static string Sessions(int count) => count switch { 0 => "none", 1 => "one", _ => count.ToString(CultureInfo.InvariantCulture) };

    /// <summary>W1, one warning for all the slots of the same length that share a problem, so a week of short sessions reads as one line.</summary>
    private static IEnumerable<PlanWarning> LengthWarnings(PlanGoal goal, IReadOnlyList<PlanSlot> slots, Func<SlotPlay, int?> minutesOf)
    {
        var problems = slots
            .Select(slot => (Slot: slot, Minutes: minutesOf(slot.Play)))
            .Select(s => (s.Slot, s.Minutes, Code: s.Minutes switch
            {
                null => Codes.SessionMissing,
                < DailyMinimumMinutes => Codes.BelowDailyMinimum,
                < FullSessionMinutes when goal != PlanGoal.Dancer => Codes.SessionTooShort,
                _ => null,
            }))
            .Where(s => s.Code is not null)
            .GroupBy(s => (s.Code, s.Minutes));
        foreach (var group in problems)
        {
            var (code, minutes) = group.Key;
            var when = List(group.Select(s => $"{s.Slot.Day} at {Clock(s.Slot.Time)}"));
            var text = code switch
            {
                Codes.SessionMissing => $"What {when} should play no longer exists. Choose another session for {(group.Count() == 1 ? "it" : "each")}.",
                Codes.BelowDailyMinimum => $"{when}: {minutes} minutes is very short. At least {DailyMinimumMinutes} minutes a day is what builds the habit.",
                _ => $"{when}: {minutes} minutes keeps the habit going, but a full session takes {FullSessionMinutes} to 50 minutes.",
            };
            yield return new PlanWarning(code!, text) { SlotIds = group.Select(s => s.Slot.Id).ToList() };
        }
    }

    private static PlanWarning DayTypeWarning(PlanSlot slot, Routine routine, bool trainingDay)
    {
        var meantFor = List(routine.Days.Select(d => d switch
        {
            DayType.TrainingDay => "training days",
            DayType.NonTrainingDay => "days without training",
            DayType.AfterTraining => "after training",
            _ => "any day",
        }));
        var day = trainingDay ? "a training day" : "a day without training";
        return new PlanWarning(Codes.RoutineDayType,
            $"{slot.Day} at {Clock(slot.Time)}: {routine.Name} is meant for {meantFor}, and {slot.Day} is {day}. Pick a routine that suits the day, or a built session.")
        {
            SlotIds = [slot.Id],
        };
    }

    private static IEnumerable<PlanWarning> TimeHints(IReadOnlyList<PlanSlot> slots)
    {
        var early = slots.Where(s => s.Time < EveningStarts).ToList();
        if (early.Count > 0)
        {
            yield return new PlanWarning(Codes.NotEvening,
                $"{List(early.Select(s => $"{s.Day} at {Clock(s.Time)}"))} {(early.Count == 1 ? "is" : "are")} before the evening. "
                + "Stretching suits the evening best, some time after a light meal.")
            {
                SlotIds = early.Select(s => s.Id).ToList(),
            };
        }
        var times = slots.Select(s => s.Time).Distinct().Order().ToList();
        if (times.Count > 1)
        {
            yield return new PlanWarning(Codes.DifferentTimes,
                $"Your sessions start at {List(times.Select(Clock))}. Starting at the same time every day makes the habit easier to keep.")
            {
                SlotIds = slots.Select(s => s.Id).ToList(),
            };
        }
    }
}
