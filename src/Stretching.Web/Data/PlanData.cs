namespace Stretching.Web.Data;

/// <summary>
/// A person's weekly plan settings and calendar feed. The feed's secret token is never stored: only
/// its SHA-256 (<see cref="CalendarTokenHash"/>, null while the feed is off); the token itself is
/// derived from a server key and <see cref="CalendarGeneration"/>, so regenerating raises the
/// generation and every older address stops working.
/// </summary>
public sealed class PlanSettings
{
    public required string UserId { get; set; }
    public required string Goal { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>Weekday ids as a JSON array.</summary>
    public required string TrainingDays { get; set; }
    public int? AlarmMinutes { get; set; }
    public string? CalendarTokenHash { get; set; }
    public int CalendarGeneration { get; set; }

    /// <summary>When the plan was first saved: the history counts it kept or missed from then on, not before.</summary>
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A weekly slot, keyed by its owner and an id of theirs. <see cref="Play"/> is what it plays as JSON (the API's "play" shape).
/// <see cref="Sequence"/> rises with every change, so calendar apps replace the events they hold.
/// </summary>
public sealed class PlanSlotRow
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public int Day { get; set; }
    public required string Time { get; set; }
    public required string Play { get; set; }
    public int Sequence { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One occurrence of a slot skipped or moved; kept (not deleted) when restored so its sequence keeps rising.</summary>
public sealed class PlanExceptionRow
{
    public required string SlotId { get; set; }
    public DateOnly Date { get; set; }
    public required string UserId { get; set; }
    public bool Skipped { get; set; }
    public DateOnly? MovedToDate { get; set; }
    public string? MovedToTime { get; set; }
    public int Sequence { get; set; }
    public DateTime UpdatedAt { get; set; }
}

