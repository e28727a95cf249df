using Stretching.Core.Sessions;

namespace Stretching.Core.Planning;

/// <summary>What a plan aims at; W2 gives each its weekly frequency.</summary>
public enum PlanGoal { BackHealth, Dancer, StrengthAndCardio }

/// <summary>What a slot plays: one of the person's saved sessions, a routine, or a builder preset.</summary>
public abstract record SlotPlay
{
    private SlotPlay()
    {
    }

    public sealed record Routine(string Slug) : SlotPlay;

    public sealed record Saved(string SessionId) : SlotPlay;

    /// <summary>A builder request played with a fresh seed each week (<see cref="PlanCalendar.PresetSeed"/>), so the weeks vary.</summary>
    public sealed record Preset(SessionInput Request) : SlotPlay;
}

/// <summary>A weekly appointment: a weekday, a local start time in the plan's time zone, and what to play.</summary>
public sealed record PlanSlot(string Id, DayOfWeek Day, TimeOnly Time, SlotPlay Play);

/// <summary>
/// A change to one occurrence of a slot, the one that falls on <see cref="Date"/> (its own local date):
/// skipped, or moved to another local date and time. The slot's other weeks are unchanged.
/// </summary>
public sealed record SlotException(string SlotId, DateOnly Date, bool Skipped, DateOnly? MovedToDate = null, TimeOnly? MovedToTime = null);

/// <summary>
/// A person's week: a goal, the IANA time zone its times are in, the days they train (gym, dance
/// class; W4), the weekly slots and the one-off changes. <see cref="AlarmMinutes"/> is the calendar
/// reminder before each session, or none.
/// </summary>
public sealed record WeeklyPlan
{
    public PlanGoal Goal { get; init; } = PlanGoal.BackHealth;
    public required string TimeZone { get; init; }
    public IReadOnlySet<DayOfWeek> TrainingDays { get; init; } = new HashSet<DayOfWeek>();
    public IReadOnlyList<PlanSlot> Slots { get; init; } = [];
    public IReadOnlyList<SlotException> Exceptions { get; init; } = [];
    public int? AlarmMinutes { get; init; }
}

/// <summary>
/// One planned session on the calendar: which slot, the date it belongs to (before any move), when
/// it starts in the plan's zone and in UTC, and whether it was moved.
/// </summary>
public sealed record Occurrence(PlanSlot Slot, DateOnly Date, DateTime LocalStart, DateTimeOffset Start, bool Moved);

/// <summary>A rule the plan breaks or a hint to follow one, in plain words; the code names the rule for tests and clients.</summary>
public sealed record PlanWarning(string Code, string Text)
{
    /// <summary>The slots the warning is about, so a page can mark them; empty when it is about the whole week.</summary>
    public IReadOnlyList<string> SlotIds { get; init; } = [];
}
